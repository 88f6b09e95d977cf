package dev.verbatim.followup.internal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mailbox customers' answers arrive in (VERBATIM_IMAP_*). Without a host, inbound mail is off.
 */
@ApplicationScoped
public class ImapSettings {
  @Inject
  @ConfigProperty(name = "verbatim.imap.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "verbatim.imap.port", defaultValue = "0")
  int port;

  @Inject
  @ConfigProperty(name = "verbatim.imap.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "verbatim.imap.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "verbatim.imap.folder", defaultValue = "INBOX")
  String folder;

  @Inject
  @ConfigProperty(name = "verbatim.imap.ssl", defaultValue = "false")
  boolean ssl;

  @Inject
  @ConfigProperty(name = "verbatim.imap.poll-seconds", defaultValue = "60")
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
    return port > 0 ? port : ssl ? 993 : 143;
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

  /** PEEK: reading a message must not mark it \Seen before its transaction commits. */
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
