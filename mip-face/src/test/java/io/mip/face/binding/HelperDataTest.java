package io.mip.face.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.SecretKeyAccess;
import io.mip.face.FaceTemplate;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HelperDataTest {
  private final FaceKeyBinding binding = new FaceKeyBinding();
  private final Random noise = new Random(3);

  private FaceTemplate template() {
    float[] v = new float[512];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) noise.nextGaussian();
    }
    return FaceTemplate.of(v);
  }

  @Test
  void fromJson_ofToJson_unlocksToTheSameKey() {
    List<FaceTemplate> caps = List.of(template(), template(), template());
    Enrolment e = binding.enrol(caps, new SecureRandom());

    String json = e.helperData().toJson();
    HelperData back = HelperData.fromJson(json);

    assertThat(back.toJson()).isEqualTo(json);
    assertThat(back.alpha()).isEqualTo(FaceKeyBinding.DEFAULT_ALPHA);
    assertThat(back.dimension()).isEqualTo(512);
    assertThat(binding.unlock(back, caps).exportSecret(SecretKeyAccess.insecureSecretAccess()))
        .isEqualTo(e.key().exportSecret(SecretKeyAccess.insecureSecretAccess()));
  }

  @Test
  void fromJson_scaledMatrix_refusedAsNotOrthogonal() throws Exception {
    Enrolment e = binding.enrol(List.of(template(), template(), template()), new SecureRandom());
    ObjectNode o = (ObjectNode) new ObjectMapper().readTree(e.helperData().toJson());
    byte[] p = Base64Url.decode(o.get("p").asText());
    p[3] ^= 0x40; // flip an exponent bit of the first float
    o.put("p", Base64Url.encode(p));

    assertThatThrownBy(() -> HelperData.fromJson(o.toString()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromJson_otherVersionOrTruncatedMatrix_refused() throws Exception {
    Enrolment e = binding.enrol(List.of(template(), template(), template()), new SecureRandom());
    ObjectNode o = (ObjectNode) new ObjectMapper().readTree(e.helperData().toJson());
    ObjectNode v2 = o.deepCopy().put("v", 2);
    ObjectNode cut = o.deepCopy().put("p", o.get("p").asText().substring(0, 1000));

    assertThatThrownBy(() -> HelperData.fromJson(v2.toString()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HelperData.fromJson(cut.toString()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HelperData.fromJson("not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_printsNoMatrix() {
    Enrolment e = binding.enrol(List.of(template(), template(), template()), new SecureRandom());

    assertThat(e.helperData().toString())
        .isEqualTo("HelperData[dim=512, alpha=" + FaceKeyBinding.DEFAULT_ALPHA + "]");
  }
}
