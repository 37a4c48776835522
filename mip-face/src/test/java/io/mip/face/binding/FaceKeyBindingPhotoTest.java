package io.mip.face.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.SecretKeyAccess;
import io.mip.face.Face;
import io.mip.face.FaceResult;
import io.mip.face.FaceTemplate;
import io.mip.face.TestModels;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key binding on real photos through the real pipeline. */
class FaceKeyBindingPhotoTest {
  private final FaceKeyBinding binding = new FaceKeyBinding();

  private static FaceTemplate template(String photo) {
    FaceResult r = TestModels.engine().analyse(TestModels.photo(photo));
    assertThat(r).isInstanceOf(Face.class);
    return ((Face) r).template();
  }

  private static byte[] bytes(FaceKey k) {
    return k.exportSecret(SecretKeyAccess.insecureSecretAccess());
  }

  private static SecureRandom seeded() throws NoSuchAlgorithmException {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(42);
    return r;
  }

  @Test
  void unlock_twoOtherPhotosOfTheSamePerson_giveTheEnrolledKey() throws Exception {
    Enrolment e =
        binding.enrol(
            List.of(
                template("deepface/img1.jpg"),
                template("deepface/img2.jpg"),
                template("deepface/img4.jpg")),
            seeded());

    FaceKey k =
        binding.unlock(
            e.helperData(), List.of(template("deepface/img5.jpg"), template("deepface/img6.jpg")));

    assertThat(bytes(k)).isEqualTo(bytes(e.key()));
  }

  @Test
  void unlock_anotherPersonsPhotos_giveADifferentKey() throws Exception {
    Enrolment e =
        binding.enrol(
            List.of(
                template("deepface/img1.jpg"),
                template("deepface/img2.jpg"),
                template("deepface/img4.jpg")),
            seeded());

    FaceKey k =
        binding.unlock(
            e.helperData(),
            List.of(
                template("ageitgey/examples__obama.jpg"),
                template("ageitgey/examples__obama2.jpg")));

    assertThat(bytes(k)).isNotEqualTo(bytes(e.key()));
  }
}
