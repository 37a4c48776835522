package io.mip.node.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
  private static byte[] body(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void parse_fieldsAndFile_keepsBytesExactly() {
    String b =
        "--XyZ\r\nContent-Disposition: form-data; name=\"tx\"\r\n\r\nabc\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"face1\"; filename=\"a.jpg\"\r\n"
            + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\r\n--X\r\n"
            + "--XyZ--\r\n";

    List<MultipartForm.Part> parts = MultipartForm.parse(body(b), "XyZ", 5);

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).name()).isEqualTo("tx");
    assertThat(parts.get(0).text()).isEqualTo("abc");
    assertThat(parts.get(1).filename()).contains("a.jpg");
    assertThat(parts.get(1).data())
        .containsExactly(
            (byte) 0xff, (byte) 0xd8, (byte) '\r', (byte) '\n', (byte) '-', (byte) '-', (byte) 'X');
  }

  @Test
  void boundary_quotedOrPlain_readFromContentType() {
    assertThat(MultipartForm.boundary("multipart/form-data; boundary=\"a b\"")).contains("a b");
    assertThat(MultipartForm.boundary("multipart/form-data;boundary=abc")).contains("abc");
    assertThat(MultipartForm.boundary("application/x-www-form-urlencoded")).isEmpty();
    assertThat(MultipartForm.boundary(null)).isEmpty();
  }

  @Test
  void parse_malformed_refused() {
    String noEnd = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue";
    String noName = "--B\r\nContent-Disposition: form-data\r\n\r\nv\r\n--B--";
    String tooMany =
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--B--";
    String hugeHeaders = "--B\r\nX: " + "h".repeat(5000) + "\r\n\r\nv\r\n--B--";

    for (String bad : new String[] {noEnd, noName, hugeHeaders, "garbage"}) {
      assertThatThrownBy(() -> MultipartForm.parse(body(bad), "B", 5))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> MultipartForm.parse(body(tooMany), "B", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
