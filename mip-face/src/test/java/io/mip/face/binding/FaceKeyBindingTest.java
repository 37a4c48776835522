package io.mip.face.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.SecretKeyAccess;
import io.mip.face.FaceTemplate;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Key binding on synthetic templates: a fixed identity vector plus per-capture noise. */
class FaceKeyBindingTest {
  private final Random noise = new Random(7);
  private final SecureRandom random = new SecureRandom();
  private final FaceKeyBinding binding = new FaceKeyBinding();

  private float[] identity() {
    float[] v = new float[512];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) noise.nextGaussian();
    }
    return v;
  }

  /** A capture with cosine about 0.8 to its identity. */
  private FaceTemplate capture(float[] id) {
    double norm = Math.sqrt(512);
    float[] v = new float[512];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (id[i] / norm + 0.75 * noise.nextGaussian() / norm);
    }
    return FaceTemplate.of(v);
  }

  private static byte[] bytes(FaceKey k) {
    return k.exportSecret(SecretKeyAccess.insecureSecretAccess());
  }

  @Test
  void unlock_sameCapturesAsEnrolment_givesTheEnrolledKey() {
    float[] id = identity();
    List<FaceTemplate> caps = List.of(capture(id), capture(id), capture(id));

    Enrolment e = binding.enrol(caps, random);

    assertThat(bytes(binding.unlock(e.helperData(), caps))).isEqualTo(bytes(e.key()));
    assertThat(bytes(e.key())).hasSize(32);
  }

  @Test
  void unlock_freshCapturesOfSameIdentity_giveTheEnrolledKey() {
    float[] id = identity();
    Enrolment e = binding.enrol(List.of(capture(id), capture(id), capture(id)), random);

    FaceKey k = binding.unlock(e.helperData(), List.of(capture(id), capture(id)));

    assertThat(bytes(k)).isEqualTo(bytes(e.key()));
  }

  @Test
  void unlock_otherIdentity_givesADifferentKey() {
    Enrolment e =
        binding.enrol(
            List.of(capture(identity()), capture(identity()), capture(identity())), random);
    float[] other = identity();

    FaceKey k = binding.unlock(e.helperData(), List.of(capture(other), capture(other)));

    assertThat(bytes(k)).isNotEqualTo(bytes(e.key()));
  }

  @Test
  void enrol_twice_givesIndependentKeysAndHelperData() {
    float[] id = identity();
    List<FaceTemplate> caps = List.of(capture(id), capture(id), capture(id));

    Enrolment a = binding.enrol(caps, random);
    Enrolment b = binding.enrol(caps, random);

    assertThat(bytes(a.key())).isNotEqualTo(bytes(b.key()));
    assertThat(a.helperData().toJson()).isNotEqualTo(b.helperData().toJson());
  }

  @Test
  void enrol_twoCaptures_refused() {
    float[] id = identity();

    assertThatThrownBy(() -> binding.enrol(List.of(capture(id), capture(id)), random))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3");
  }

  @Test
  void unlock_noCaptures_refused() {
    float[] id = identity();
    Enrolment e = binding.enrol(List.of(capture(id), capture(id), capture(id)), random);

    assertThatThrownBy(() -> binding.unlock(e.helperData(), new ArrayList<>()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_keyAndEnrolment_printNoKeyBytes() {
    float[] id = identity();
    Enrolment e = binding.enrol(List.of(capture(id), capture(id), capture(id)), random);

    assertThat(e.key().toString()).isEqualTo("FaceKey[redacted]");
    assertThat(e.toString()).doesNotContain(java.util.HexFormat.of().formatHex(bytes(e.key())));
  }

  @Test
  void exportSecret_nullToken_refused() {
    float[] id = identity();
    Enrolment e = binding.enrol(List.of(capture(id), capture(id), capture(id)), random);

    assertThatThrownBy(() -> e.key().exportSecret(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void codebookBits_alpha10_about78() {
    assertThat(new FaceKeyBinding(10).codebookBits()).isBetween(78.0, 78.2);
  }
}
