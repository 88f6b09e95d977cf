package dev.verbatim.platform.internal.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.verbatim.platform.api.MailTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

@ApplicationScoped
public class MustacheMailTemplates implements MailTemplates {
  private static final MustacheFactory HTML = new DefaultMustacheFactory("templates");
  private static final MustacheFactory TEXT =
      new DefaultMustacheFactory("templates") {
        @Override
        public void encode(String value, Writer writer) {
          try {
            writer.write(value);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  @Override
  public String html(String template, Object model) {
    return render(HTML, template, model);
  }

  @Override
  public String text(String template, Object model) {
    return render(TEXT, template, model);
  }

  private static String render(MustacheFactory factory, String template, Object model) {
    StringWriter out = new StringWriter();
    factory.compile(template + ".mustache").execute(out, model);
    return out.toString();
  }
}
