package io.mip.wallet.passport;

/**
 * What the wallet does with the liveness model's decision on each enrolment capture
 * (docs/passport.md, "Liveness").
 */
public enum LivenessPolicy {
  /**
   * Run the model on every enrolment capture and report the decisions, but refuse nothing. The
   * default: the model's measured error rates (docs/face.md) would refuse genuine people too often
   * to be a gate, and it is easily fooled, so refusing would buy little.
   */
  RECORD,
  /** Refuse enrolment (and unlock) when any capture is judged a spoof. */
  REQUIRE
}
