package load;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A GreenMail SMTP server on 127.0.0.1 that keeps nothing: every message delivered is counted,
 * handed to a listener and then dropped, so 100,000 mails take no memory. The listener gets each
 * recipient separately with the same message (GreenMail has parsed it already, listener or not).
 * GreenMail serves each connection on its own thread, so with several client connections the
 * listener is called concurrently and must be thread-safe.
 */
public final class MailSink implements AutoCloseable {
  private final GreenMail greenMail;
  private final AtomicLong delivered = new AtomicLong();
  private volatile BiConsumer<String, MimeMessage> listener = (recipient, message) -> {};

  private MailSink(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  /** Starts SMTP on {@code port} (the server's {@code VERBATIM_SMTP_PORT}). */
  public static MailSink start(int port) {
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    MailSink sink = new MailSink(greenMail);
    greenMail.getUserManager().setMessageDeliveryHandler(sink::handle);
    greenMail.start();
    return sink;
  }

  /** Replaces the listener; pass {@code null} to only count. */
  public void onMessage(BiConsumer<String, MimeMessage> listener) {
    this.listener = listener == null ? (recipient, message) -> {} : listener;
  }

  /** Messages delivered so far (one per recipient). */
  public long delivered() {
    return delivered.get();
  }

  public int port() {
    return greenMail.getSmtp().getPort();
  }

  private GreenMailUser handle(MovingMessage message, MailAddress recipient) {
    try {
      listener.accept(recipient.getEmail(), message.getMessage());
    } finally {
      delivered.incrementAndGet();
    }
    return DroppingUser.INSTANCE;
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** The mailbox every message goes to: none. */
  private enum DroppingUser implements GreenMailUser {
    INSTANCE;

    @Override
    public String getEmail() {
      return "sink@localhost";
    }

    @Override
    public String getLogin() {
      return "sink";
    }

    @Override
    public void deliver(MovingMessage msg) {}

    @Override
    public void deliver(MimeMessage msg) {}

    @Override
    public void create() {}

    @Override
    public void delete() {}

    @Override
    public String getPassword() {
      return "";
    }

    @Override
    public void setPassword(String password) {}

    @Override
    public void authenticate(String password) {}

    @Override
    public String getQualifiedMailboxName() {
      return "sink";
    }
  }
}
