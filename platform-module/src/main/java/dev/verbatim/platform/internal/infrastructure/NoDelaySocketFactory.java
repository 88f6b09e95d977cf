package dev.verbatim.platform.internal.infrastructure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY, for SMTP ({@code mail.smtp.socketFactory.class} in server.xml;
 * Jakarta Mail has no property for it). Jakarta Mail writes a mail's body in 8 KB pieces and then
 * waits for the server's reply; with Nagle's algorithm the last small piece waits for the
 * acknowledgement of the previous one, which the receiver delays by 40 ms, so every mail larger
 * than 8 KB cost 40 ms of idle time on a connection (about 20 mails/s).
 */
public final class NoDelaySocketFactory extends SocketFactory {
  private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  /** Jakarta Mail obtains the factory through this method. */
  public static SocketFactory getDefault() {
    return INSTANCE;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new Socket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
