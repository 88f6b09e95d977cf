package dev.verbatim.survey.internal.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class UploadTest {
  private static final String TYPE = "multipart/form-data; boundary=----b0undary";

  private static InputStream body(String content) {
    String text =
        "------b0undary\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + content
            + "\r\n------b0undary\r\n"
            + "Content-Disposition: form-data; name=\"ignore\"\r\n\r\n"
            + "Notes\r\n"
            + "------b0undary--\r\n";
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFilePartIsSpooledExactlyAndOtherFieldsAreKept() throws Exception {
    String content = "email\r\n----b0und\r\n-ann@example.com\r\n\r\n--";
    Upload upload = Upload.multipart(body(content), TYPE, 1000);
    try {
      assertThat(Files.readString(upload.file())).isEqualTo(content);
      assertThat(upload.fileName()).isEqualTo("people.csv");
      assertThat(upload.fields()).containsEntry("ignore", "Notes");
    } finally {
      upload.delete();
    }
    assertThat(upload.file()).doesNotExist();
  }

  @Test
  void anUploadOverTheLimitIsCutOff() {
    assertThatThrownBy(() -> Upload.multipart(body("x".repeat(1001)), TYPE, 1000))
        .isInstanceOf(UploadTooLarge.class);
    assertThatThrownBy(() -> Upload.raw(new ByteArrayInputStream(new byte[1001]), "a.csv", 1000))
        .isInstanceOf(UploadTooLarge.class);
  }
}
