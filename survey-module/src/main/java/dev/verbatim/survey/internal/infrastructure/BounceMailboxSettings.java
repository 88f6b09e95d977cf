package dev.verbatim.survey.internal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mailbox bounce reports arrive in (VERBATIM_BOUNCES_IMAP_*): the envelope sender's mailbox.
 * Without a host, bounce reports are not read (refusals at send time still suppress).
 */
@ApplicationScoped
public class BounceMailboxSettings {
  @Inject
  @ConfigProperty(name = "verbatim.bounces.imap.host")
  Optional<String> host;

  /** Unset: the reply mailbox's port (verbatim.imap.port), else 143 (993 with SSL). */
  @Inject
  @ConfigProperty(name = "verbatim.bounces.imap.port")
  Optional<Integer> port;

  @Inject
  @ConfigProperty(name = "verbatim.imap.port")
  Optional<Integer> replyMailboxPort;

  @Inject
  @ConfigProperty(name = "verbatim.bounces.imap.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "verbatim.bounces.imap.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "verbatim.bounces.imap.folder", defaultValue = "INBOX")
  String folder;

  @Inject
  @ConfigProperty(name = "verbatim.bounces.imap.ssl", defaultValue = "false")
  boolean ssl;

  @Inject
  @ConfigProperty(name = "verbatim.bounces.imap.poll-seconds", defaultValue = "60")
  int pollSeconds;

  public boolean enabled() {
    return host.map(h -> !h.isBlank()).orElse(false);
  }

  public String protocol() {
    return ssl ? "imaps" : "imap";
  }

  public String host() {
    return host.orElse("").strip();
  }

  public int port() {
    int configured = port.orElse(replyMailboxPort.orElse(0));
    return configured > 0 ? configured : ssl ? 993 : 143;
  }

  public String user() {
    return user.orElse(null);
  }

  public String password() {
    return password.orElse(null);
  }

  public String folder() {
    return folder;
  }

  public int pollSeconds() {
    return Math.max(pollSeconds, 1);
  }

  /** PEEK: a report is flagged \Seen only after its suppression committed. */
  public Properties sessionProperties() {
    Properties props = new Properties();
    String p = "mail." + protocol() + ".";
    props.put("mail.store.protocol", protocol());
    props.put(p + "peek", "true");
    props.put(p + "connectiontimeout", "10000");
    props.put(p + "timeout", "30000");
    props.put(p + "partialfetch", "false");
    props.put("mail.mime.address.strict", "false");
    return props;
  }
}
