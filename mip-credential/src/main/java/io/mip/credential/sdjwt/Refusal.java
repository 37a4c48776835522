package io.mip.credential.sdjwt;

/** Internal short-cut out of the verification steps; always turned into an {@link SdJwtResult}. */
final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  final SdJwtReason reason;

  Refusal(SdJwtReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }
}
