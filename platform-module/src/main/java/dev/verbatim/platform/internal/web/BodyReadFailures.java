package dev.verbatim.platform.internal.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.UnsupportedEncodingException;

/**
 * Tells a body the server could not read (the client's fault, 400) from a response it could not
 * write (a bug, 500): both surface as {@link JsonbException} or {@link ProcessingException}, and a
 * response that failed to serialise used to be answered "400 Malformed JSON".
 */
@Provider
public class BodyReadFailures implements ReaderInterceptor {
  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (JsonbException
        | JsonException
        | ProcessingException
        | UnsupportedEncodingException
        | IllegalArgumentException e) {
      // IllegalArgumentException: a form with a stray % or an unknown charset; UnsupportedEncoding:
      // a charset parameter the server does not have.
      throw new UnreadableBodyException(e);
    }
  }
}
