package io.mip.credential.kyc;

import java.util.Objects;

/**
 * What a holder submits for KYC. The issuer overwrites both image arrays with zeros once checked
 * ({@link KycIssuer#issue}), so no copy of the images outlives the request.
 *
 * @param proof the proof-of-control JWT over the challenge nonce ({@link HolderProof})
 * @param mrz the document's machine-readable zone, lines separated by '\n'
 * @param documentPhoto the face photo from the document (JPEG or PNG)
 * @param selfie a live selfie (JPEG or PNG)
 */
public record KycRequest(String proof, String mrz, byte[] documentPhoto, byte[] selfie) {
  /** Largest accepted image, in bytes (8 MiB). */
  public static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;

  /** Validates presence and sizes. */
  public KycRequest {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(mrz, "mrz");
    Objects.requireNonNull(documentPhoto, "documentPhoto");
    Objects.requireNonNull(selfie, "selfie");
    if (documentPhoto.length > MAX_IMAGE_BYTES || selfie.length > MAX_IMAGE_BYTES) {
      throw new IllegalArgumentException("images are limited to " + MAX_IMAGE_BYTES + " bytes");
    }
    if (proof.length() > 8192 || mrz.length() > 256) {
      throw new IllegalArgumentException("proof or MRZ too long");
    }
  }

  /** Never prints personal data. */
  @Override
  public String toString() {
    return "KycRequest[images=2]";
  }
}
