package io.mip.cli.profile;

import io.mip.cli.CliFailure;
import io.mip.profile.RecordId;
import picocli.CommandLine.Option;

/** {@code --record=ID}: the record a profile command reads. */
final class RecordOption {
  @Option(
      names = "--record",
      required = true,
      paramLabel = "ID",
      description = "The record id (write --record=ID: ids may start with '-').")
  String text;

  /** The parsed id; exits 2 when it is not a record id. */
  RecordId id() {
    try {
      return new RecordId(text);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("not a record id: " + text);
    }
  }
}
