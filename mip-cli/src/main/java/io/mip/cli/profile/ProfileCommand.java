package io.mip.cli.profile;

import io.mip.cli.CliFailure;
import io.mip.ledger.Operation;
import io.mip.profile.RecordId;
import io.mip.profile.RecordMetadata;
import io.mip.profile.RecordOpening;
import io.mip.profile.anchor.ProofVerification;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mip profile}: the person's records: list, show (decrypt), verify (anchor). */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "List, decrypt and verify your Smart Profile records.",
    subcommands = {
      ProfileCommand.ListCommand.class,
      ProfileCommand.ShowCommand.class,
      ProfileCommand.VerifyCommand.class
    })
public final class ProfileCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (list, show, verify)");
  }

  /** {@code mip profile list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List your records.")
  static final class ListCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin PersonOptions person;

    @Override
    public void run() {
      List<RecordMetadata> records = person.run(p -> p.list());
      PrintWriter out = spec.commandLine().getOut();
      for (RecordMetadata m : records) {
        out.printf(
            "%s  %-24s %-10s %7d B  %s  from %s%n",
            m.id(), m.category(), m.depositedAt(), m.size(), m.schema(), m.depositor());
      }
      out.printf("%d records%n", records.size());
    }
  }

  /** {@code mip profile show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Decrypt one record.")
  static final class ShowCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin PersonOptions person;
    @Mixin RecordOption record;

    @Override
    public void run() {
      RecordId rid = record.id();
      RecordOpening o = person.run(p -> p.read(rid));
      if (!o.isOpened()) {
        throw CliFailure.refused("record " + record.text + " did not open: " + o.failure().get());
      }
      var r = o.record().get();
      try {
        spec.commandLine()
            .getOut()
            .println(
                Operation.json()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                            .objectNode()
                            .put("id", rid.value())
                            .put("category", r.envelope().category().value())
                            .put("schema", r.envelope().schema())
                            .put("depositor", r.metadata().depositor())
                            .put("depositedAt", r.metadata().depositedAt().toString())
                            .set("content", r.envelope().content())));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw CliFailure.io("cannot print the record");
      }
    }
  }

  /** {@code mip profile verify ID}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check a record's bytes against its Merkle inclusion proof and the anchor on the ledger.")
  static final class VerifyCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin PersonOptions person;
    @Mixin RecordOption record;

    @Override
    public void run() {
      RecordId rid = record.id();
      ProofVerification v = person.run(p -> p.verify(rid));
      if (!v.ok()) {
        throw CliFailure.refused("record " + record.text + " NOT anchored: " + v.failure().get());
      }
      spec.commandLine().getOut().println("record " + record.text + " OK: anchored on the ledger");
    }
  }
}
