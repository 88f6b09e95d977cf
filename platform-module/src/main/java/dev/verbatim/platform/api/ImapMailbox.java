package dev.verbatim.platform.api;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SearchTerm;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * A mailbox the application reads over IMAP (customers' answers, bounce reports), configured under
 * one prefix: {@code <prefix>.host}, {@code .port}, {@code .user}, {@code .password}, {@code
 * .folder} (INBOX), {@code .ssl} (false) and {@code .poll-seconds} (60). Without a host it is off.
 *
 * <p>Messages are read with PEEK: a message is flagged \Seen by its handler only after what it
 * caused has committed, so a crash reads it again rather than losing it.
 */
public final class ImapMailbox {
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String folder;
  private final boolean ssl;
  private final int pollSeconds;

  /** Handles one unread message; the folder is open read-write. */
  @FunctionalInterface
  public interface MessageHandler {
    void handle(Folder folder, Message message);
  }

  private ImapMailbox(
      String host,
      int port,
      String user,
      String password,
      String folder,
      boolean ssl,
      int pollSeconds) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.folder = folder;
    this.ssl = ssl;
    this.pollSeconds = pollSeconds;
  }

  /**
   * @param fallbackPort used when {@code <prefix>.port} is unset or 0 (0: the protocol's default)
   * @return the mailbox, or empty when {@code <prefix>.host} is not set
   */
  public static Optional<ImapMailbox> configured(Config config, String prefix, int fallbackPort) {
    Optional<String> host =
        config.getOptionalValue(prefix + ".host", String.class).map(String::strip);
    if (host.isEmpty() || host.get().isEmpty()) {
      return Optional.empty();
    }
    boolean ssl = config.getOptionalValue(prefix + ".ssl", Boolean.class).orElse(false);
    int port = config.getOptionalValue(prefix + ".port", Integer.class).orElse(0);
    int chosenPort = port > 0 ? port : fallbackPort > 0 ? fallbackPort : ssl ? 993 : 143;
    return Optional.of(
        new ImapMailbox(
            host.get(),
            chosenPort,
            config.getOptionalValue(prefix + ".user", String.class).orElse(null),
            config.getOptionalValue(prefix + ".password", String.class).orElse(null),
            config.getOptionalValue(prefix + ".folder", String.class).orElse("INBOX"),
            ssl,
            Math.max(
                config.getOptionalValue(prefix + ".poll-seconds", Integer.class).orElse(60), 1)));
  }

  /**
   * Hands every message that is unseen (and matches {@code also}, when given) to the handler, in
   * one connection. Stops early when the server drops the connection; the rest is read next time.
   */
  public void readUnseen(SearchTerm also, MessageHandler handler) throws MessagingException {
    Session session = Session.getInstance(sessionProperties());
    try (Store store = session.getStore(protocol())) {
      store.connect(host, port, user, password);
      Folder open = store.getFolder(folder);
      open.open(Folder.READ_WRITE);
      try {
        SearchTerm unseen = new FlagTerm(new Flags(Flags.Flag.SEEN), false);
        for (Message message : open.search(also == null ? unseen : new AndTerm(unseen, also))) {
          if (!open.isOpen()) {
            break;
          }
          handler.handle(open, message);
        }
      } finally {
        open.close(false);
      }
    }
  }

  public String protocol() {
    return ssl ? "imaps" : "imap";
  }

  public String folder() {
    return folder;
  }

  public int pollSeconds() {
    return pollSeconds;
  }

  /** For logs: where it is read from, without the credentials. */
  public String describe() {
    return protocol() + "://" + host + ":" + port + "/" + folder;
  }

  Properties sessionProperties() {
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
