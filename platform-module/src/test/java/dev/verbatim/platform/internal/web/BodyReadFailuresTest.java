package dev.verbatim.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class BodyReadFailuresTest {
  private final BodyReadFailures interceptor = new BodyReadFailures();

  @Test
  void aJsonbFailureWhileReadingIsTheClientsUnreadableBody() {
    assertThatThrownBy(() -> interceptor.aroundReadFrom(readerThatThrows(new JsonbException("x"))))
        .isInstanceOf(UnreadableBodyException.class)
        .hasCauseInstanceOf(JsonbException.class);
  }

  @Test
  void aProcessingFailureWhileReadingIsTheClientsUnreadableBody() {
    assertThatThrownBy(
            () -> interceptor.aroundReadFrom(readerThatThrows(new ProcessingException("x"))))
        .isInstanceOf(UnreadableBodyException.class);
  }

  @Test
  void anUnknownCharsetOrAStrayPercentInAFormIsTheClientsUnreadableBody() {
    assertThatThrownBy(
            () ->
                interceptor.aroundReadFrom(
                    readerThatThrows(new IllegalArgumentException("URLDecoder: Illegal hex"))))
        .isInstanceOf(UnreadableBodyException.class);
  }

  @Test
  void aBodyThatReadsIsPassedOn() throws IOException {
    ReaderInterceptorContext context =
        (ReaderInterceptorContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ReaderInterceptorContext.class},
                (proxy, method, args) -> method.getName().equals("proceed") ? "read" : null);

    assertThat(interceptor.aroundReadFrom(context)).isEqualTo("read");
  }

  private ReaderInterceptorContext readerThatThrows(RuntimeException failure) {
    return (ReaderInterceptorContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ReaderInterceptorContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("proceed")) {
                throw failure;
              }
              return null;
            });
  }
}
