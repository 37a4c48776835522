package io.mip.credential.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class StatusListTest {
  static ObjectNode json(int bits, String lst) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("bits", bits);
    n.put("lst", lst);
    return n;
  }

  @Test
  void fromJson_draftOneBitExample_readsEveryStatus() {
    // draft-ietf-oauth-status-list section 4.1: bytes [0xB9, 0xA3]
    StatusList l = StatusList.fromJson(json(1, "eNrbuRgAAhcBXQ"), 1 << 20);

    int[] expected = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
    for (int i = 0; i < expected.length; i++) {
      assertThat(l.value(i)).as("index %d", i).isEqualTo(expected[i]);
    }
    assertThat(l.size()).isEqualTo(16);
  }

  @Test
  void fromJson_draftTwoBitExample_readsEveryStatus() {
    // draft-ietf-oauth-status-list section 4.1: bytes [0xC9, 0x44, 0xF9]
    StatusList l = StatusList.fromJson(json(2, "eNo76fITAAPfAgc"), 1 << 20);

    int[] expected = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
    for (int i = 0; i < expected.length; i++) {
      assertThat(l.value(i)).as("index %d", i).isEqualTo(expected[i]);
    }
  }

  @Test
  void with_changes_roundTripThroughJson() {
    StatusList l =
        StatusList.create(StatusList.DEFAULT_SIZE, 2)
            .with(Map.of(0, TokenStatus.INVALID, 77_777, TokenStatus.SUSPENDED));

    StatusList back = StatusList.fromJson(l.toJson(), StatusList.DEFAULT_SIZE);

    assertThat(back).isEqualTo(l);
    assertThat(back.status(0)).isEqualTo(TokenStatus.INVALID);
    assertThat(back.status(77_777)).isEqualTo(TokenStatus.SUSPENDED);
    assertThat(back.status(1)).isEqualTo(TokenStatus.VALID);
    assertThat(l.lst().length()).isLessThan(200);
  }

  @Test
  void with_suspendedOnOneBitList_isRefused() {
    StatusList l = StatusList.create(16, 1);

    assertThatThrownBy(() -> l.with(Map.of(1, TokenStatus.SUSPENDED)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromJson_zipBombBeyondLimit_isRefused() {
    Deflater d = new Deflater();
    d.setInput(new byte[10_000_000]);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }

    assertThatThrownBy(
            () -> StatusList.fromJson(json(1, Base64Url.encode(out.toByteArray())), 131_072))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("larger");
  }

  @Test
  void statusListId_uriRoundTrip_namesTheSameList() {
    StatusListId id = new StatusListId("did:mip:z9Abc", "kyc-1");

    assertThat(StatusListId.fromUri(id.uri("http://127.0.0.1:8080/"))).isEqualTo(id);
    assertThat(StatusListId.fromStream(id.stream())).isEqualTo(id);
  }
}
