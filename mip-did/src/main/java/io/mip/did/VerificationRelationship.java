package io.mip.did;

/**
 * The verification relationships of W3C DID Core 1.0 section 5.3: what a verification method is
 * authorised to do for the DID subject.
 */
public enum VerificationRelationship {
  /** Section 5.3.1: proving control of the DID (logins, key-bound presentations). */
  AUTHENTICATION("authentication"),
  /** Section 5.3.2: issuing claims, such as signing a verifiable credential. */
  ASSERTION_METHOD("assertionMethod"),
  /** Section 5.3.3: establishing shared secrets (encrypting to the subject). */
  KEY_AGREEMENT("keyAgreement"),
  /** Section 5.3.4: invoking capabilities, such as updating the DID document. */
  CAPABILITY_INVOCATION("capabilityInvocation"),
  /** Section 5.3.5: delegating capabilities. */
  CAPABILITY_DELEGATION("capabilityDelegation");

  private final String property;

  VerificationRelationship(String property) {
    this.property = property;
  }

  /** Returns the DID document property name, such as {@code assertionMethod}. */
  public String property() {
    return property;
  }
}
