import ArgumentParser
import Foundation
import SottoCore
import SottoModel

extension ExportFormat: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write every entry, decrypted, to a file you can take anywhere.",
    discussion: """
      The output is NOT encrypted, on purpose: it is your data in open formats (Docs/EXPORT.md). \
      The file is created private (mode 0600) and never replaces an existing file unless \
      --force. Without --output, it goes to stdout only when stdout is not a terminal.

      Examples:
        sotto export --format json --output all.json
        sotto export --format csv --output all.csv
        sotto export --format jsonl | gzip > all.jsonl.gz
      """)

  @Option(help: "Format: json, jsonl or csv.")
  var format: ExportFormat = .json

  @Option(help: ArgumentHelp("Write to this file (- for stdout).", valueName: "file"))
  var output: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let destination = output ?? "-"
      if output == nil && Console.stdoutIsTerminal {
        throw InputError(
          "An export is plain text: give --output FILE (or --output - to print it to the terminal)."
        )
      }
      try PlaintextFile.checkDestination(destination, overwrite: force)
      let (journal, contents) = try options.readAll()
      let data = try JournalExport.data(
        contents.all, format: format, exportedAt: Date(), settings: try journal.settings())
      Console.note(
        "Warning: the export is NOT encrypted. Anyone who gets the file can read your journal.")
      try PlaintextFile.write(data, to: destination, overwrite: force)
      if destination != "-" {
        Console.note("Exported \(contents.all.count) entries to \(destination).")
      }
    }
  }
}

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring entries in from a Sotto export or PsychonautWiki Journal.",
    discussion: """
      Formats: sotto-json, sotto-jsonl, csv (Sotto's own exports) and pw-journal (the \
      Journal.json export of the PsychonautWiki Journal app); detected when --format is not \
      given. Entries are merged by id: importing the same file twice adds nothing. --replace \
      makes the journal exactly the file's entries. An import is all or nothing: any problem in \
      the file and nothing is imported.
      """)

  @Argument(help: "The file to import.")
  var file: String

  @Option(help: "Format: sotto-json, sotto-jsonl, csv or pw-journal (default: detect).")
  var format: ImportFormat?

  @Flag(help: "Replace the whole journal with the file's entries (in one transaction).")
  var replace = false

  @Flag(help: "Do not ask before --replace removes entries (needed without a terminal).")
  var yes = false

  @Flag(name: .customLong("dry-run"), help: "Say what would change; write nothing.")
  var dryRun = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let attributes = try? FileManager.default.attributesOfItem(atPath: file)
      guard let size = attributes?[.size] as? Int else {
        throw InputError("\(file) could not be read. Nothing was imported.")
      }
      guard size <= JournalImport.maxInputBytes else {
        throw InputError(
          "\(file) is larger than \(JournalImport.maxInputBytes / 1_048_576) MiB. Nothing was imported."
        )
      }
      guard let data = FileManager.default.contents(atPath: file) else {
        throw InputError("\(file) could not be read. Nothing was imported.")
      }
      let entries: [SottoModel.Entry]
      entries = try JournalImport.entries(from: data, format: format, timeZone: .current)
      if replace && !dryRun {
        try Confirmation.requireAnswerable("Import with --replace", yes: yes)
      }
      let journal = try options.unlock()
      if replace && !dryRun {
        let preview = try journal.importEntries(entries, replace: true, dryRun: true)
        if preview.removed > 0 {
          try Confirmation.confirm(
            "--replace removes \(preview.removed) entries that are not in \(file). Go on?",
            yes: yes, action: "Import with --replace")
        }
      }
      let summary = try journal.importEntries(entries, replace: replace, dryRun: dryRun)
      let verb = dryRun ? "Would import" : "Imported"
      var line =
        "\(verb) \(entries.count) entries: \(summary.added) new, \(summary.updated) updated, "
        + "\(summary.unchanged) already there"
      if replace { line += ", \(summary.removed) removed" }
      Console.out(line + (dryRun ? ". Nothing was written." : "."))
    }
  }
}
