package dev.verbatim.survey.internal.application.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.survey.internal.domain.Contact;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Any contact list written as plain RFC 4180 CSV reads back as the same contacts. */
class ContactCsvRoundTripProperties {
  record Person(String email, String name, String region, String notes) {}

  @Provide
  Arbitrary<List<Person>> people() {
    Arbitrary<String> local =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars("abcÅéñ 你好,\"\n\r=+-@;'")
            .ofMaxLength(30)
            .map(String::strip);
    Arbitrary<Person> person =
        Combinators.combine(local, text, text, text)
            .as((l, n, r, o) -> new Person(l + "@example.com", n, r, o));
    return person.list().ofMaxSize(30).uniqueElements(p -> Contact.keyOf(p.email()));
  }

  @Property(tries = 200)
  void writtenContactsReadBackUnchanged(@ForAll("people") List<Person> people) throws Exception {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord("email", "name", "Region", "Notes");
      for (Person p : people) {
        printer.printRecord(p.email(), p.name(), p.region(), p.notes());
      }
    }
    Path file = Files.createTempFile("roundtrip", ".csv");
    try {
      Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
      List<Person> read = new ArrayList<>();
      try (ContactCsvReader reader = ContactCsvReader.open(file, Set.of())) {
        ContactCsvReader.Row row;
        while ((row = reader.next()) != null) {
          assertThat(row.problems()).isEmpty();
          Map<String, String> a = new LinkedHashMap<>(row.contact().attributesOrEmpty());
          read.add(
              new Person(
                  row.contact().email(),
                  row.contact().name() == null ? "" : row.contact().name(),
                  a.getOrDefault("Region", ""),
                  a.getOrDefault("Notes", "")));
        }
      }
      assertThat(read).isEqualTo(people);
    } finally {
      Files.delete(file);
    }
  }
}
