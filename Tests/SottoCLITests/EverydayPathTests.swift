import Foundation
import Testing

/// The everyday path, as a new user walks it: times in words, forgiving prompts, safe defaults
/// for scripts, output that fits. Each test runs the built binary (in a pseudo-terminal where
/// the behaviour depends on one) and failed on the code before the change.
@Suite struct EverydayPathTests {
  static let dialogue = AttackTests.dialogue

  /// The test runner's zone (CLIRunner sets TZ=Europe/Berlin).
  static let berlin: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
    return calendar
  }()

  /// The times of the journal's entries, newest first, as unix seconds.
  static func times(_ cli: CLIRunner) throws -> [Int64] {
    try SurfCLITests.entries(cli).compactMap { entry in
      ((entry["at"] as? [String: Any])?["unix"] as? NSNumber)?.int64Value
    }
  }

  // MARK: Times

  /// "last tuesday 20:00", "yesterday at 22:30", "1h30m ago", "5pm", "noon": all refused before.
  @Test func timesPeopleTypeAreRead() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let now = Date()
    let calendar = Self.berlin
    let today = calendar.startOfDay(for: now)
    // The latest Tuesday before today, worked out from today's weekday (Tuesday is 3).
    let weekday = calendar.component(.weekday, from: today)
    var back = (weekday - 3 + 7) % 7
    if back == 0 { back = 7 }
    let tuesday = calendar.date(byAdding: .day, value: -back, to: today)!
    let yesterday = calendar.date(byAdding: .day, value: -1, to: today)!
    func at(_ day: Date, _ hour: Int, _ minute: Int = 0) -> Int64 {
      Int64(
        calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)!
          .timeIntervalSince1970)
    }
    let cases: [(String, Int64)] = [
      ("last tuesday 20:00", at(tuesday, 20)),
      ("yesterday at 22:30", at(yesterday, 22, 30)),
      ("5pm", at(today, 17)),
      ("noon", at(today, 12)),
    ]
    for (text, expected) in cases {
      // --yes: "5pm" is in the future when the test runs in the morning.
      let result = try cli.run(["urge", "3", "--at", text, "--yes"])
      #expect(result.status == 0, "\(text): \(result.stderr)")
      #expect(try Self.times(cli).contains(expected), "\(text)")
    }
    // The entry "1h30m ago" adds is found as the one time that was not there before: a filter
    // on "near now - 90 min" also caught "5pm" when the test ran at 18:30.
    let before = try Self.times(cli)
    let ago = try cli.run(["urge", "3", "--at", "1h30m ago"])
    #expect(ago.status == 0, "\(ago.stderr)")
    var added = try Self.times(cli)
    for time in before {
      if let index = added.firstIndex(of: time) { added.remove(at: index) }
    }
    #expect(added.count == 1)
    #expect(added.allSatisfy { abs($0 - Int64(now.timeIntervalSince1970) + 5400) < 120 })
    // Anything else: one line naming the option and showing examples.
    let refused = try cli.run(["urge", "3", "--at", "someday soon"])
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("--at could not be read as a time"), "\(refused.stderr)")
    #expect(refused.stderr.contains("last tuesday 20:00"))
    #expect(refused.stderr.split(separator: "\n").count == 1)
  }

  /// The confirmation shows the stored time when it is not now, so a misread time is seen.
  @Test func theConfirmationShowsTheStoredTime() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(["use", "mdma", "80", "mg", "--at", "yesterday 23:10", "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("· mdma 80 mg · yesterday 23:10"), "\(result.stdout)")
    let now = try cli.run(["urge", "3"])
    #expect(!now.stdout.contains("today"), "a time of now is not repeated: \(now.stdout)")
  }

  /// A time in the future or more than a year back needs --yes in a script, and a y on a
  /// terminal; nothing is written otherwise.
  @Test(.timeLimit(.minutes(1)))
  func aFutureOrOldTimeNeedsConfirmation() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let before = cli.fingerprint()
    for time in ["1999-01-01", Self.isoInBerlin(Date().addingTimeInterval(2 * 3600))] {
      let refused = try cli.run(["urge", "4", "--at", time])
      #expect(refused.status == 64, "\(time): \(refused.stderr)")
      #expect(refused.stderr.contains("Add --yes"), "\(refused.stderr)")
      #expect(cli.fingerprint() == before)
    }
    #expect(try cli.run(["urge", "4", "--at", "1999-01-01", "--yes"]).status == 0)
    // On a terminal it asks; "n" declines with status 12, "y" logs.
    let declined = try cli.run(
      [
        Self.dialogue, "Log it? [y/N]", "n", "--", CLIRunner.binary, "urge", "4", "--at",
        "2000-06-01",
      ], tool: "/usr/bin/python3")
    #expect(declined.status == 12, "\(declined.stdout)")
    let accepted = try cli.run(
      [
        Self.dialogue, "Log it? [y/N]", "y", "Logged", "--", CLIRunner.binary, "urge", "4",
        "--at", "2000-06-01",
      ], tool: "/usr/bin/python3")
    #expect(accepted.status == 0, "\(accepted.stdout)")
    #expect(try Self.times(cli).count == 2)
  }

  static func isoInBerlin(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Europe/Berlin")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
    return formatter.string(from: date)
  }

  /// `list --since D --until D` shows day D, as `report` over the same dates includes it.
  @Test func untilADayIncludesThatDay() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let yesterday = Self.berlin.date(byAdding: .day, value: -1, to: Date())!
    let day = String(Self.isoInBerlin(yesterday).prefix(10))
    #expect(try cli.run(["urge", "5", "--at", "\(day)T23:10"]).status == 0)
    let listed = try cli.run(["list", "--since", day, "--until", day])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout.contains("\(day) 23:10"), "\(listed.stdout)")
    // A time of day is an instant: up to 23:00 leaves the 23:10 entry out.
    let early = try cli.run(["list", "--since", day, "--until", "\(day)T23:00"])
    #expect(early.stdout.contains("No entries match"), "\(early.stdout)")
  }

  // MARK: Prompts and confirmations

  /// A mistyped passphrase at the terminal is asked for again (three tries, like sudo); a
  /// passphrase file gets one.
  @Test(.timeLimit(.minutes(1)))
  func aMistypedPassphraseIsAskedForAgain() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "6"])
    let result = try cli.run(
      [
        Self.dialogue, "Passphrase:", "wrong one", "Try again (2 more)", "",
        "Passphrase:", CLIRunner.passphrase, "6/10", "--", CLIRunner.binary, "list",
      ], tool: "/usr/bin/python3")
    #expect(result.status == 0, "\(result.stdout)")
    let three = try cli.run(
      [
        Self.dialogue, "Passphrase:", "wrong", "Passphrase:", "wrong", "Passphrase:", "wrong",
        "--", CLIRunner.binary, "list",
      ], tool: "/usr/bin/python3")
    #expect(three.status == 2, "\(three.stdout)")
    cli.write(cli.folder + "/wrong", "not it\n")
    let file = try cli.run(["list"], environment: ["SOTTO_PASSPHRASE_FILE": cli.folder + "/wrong"])
    #expect(file.status == 2)
    #expect(!file.stderr.contains("Try again"))
  }

  /// A passphrase file is read as FORMAT.md §3.1 says: its first line, without a trailing
  /// "\r" even when no "\n" follows; the rest of the file is ignored.
  @Test func aPassphraseFileIsItsFirstLineWithoutLineEndings() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    for (name, text) in [
      ("crlf", CLIRunner.passphrase + "\r\n"), ("cr", CLIRunner.passphrase + "\r"),
      ("bare", CLIRunner.passphrase), ("more", CLIRunner.passphrase + "\nsecond line\n"),
    ] {
      cli.write(cli.folder + "/" + name, text)
      let result = try cli.run(
        ["list"], environment: ["SOTTO_PASSPHRASE_FILE": cli.folder + "/" + name])
      #expect(result.status == 0, "\(name): \(result.stderr)")
    }
    cli.write(cli.folder + "/empty", "\n" + CLIRunner.passphrase)
    let empty = try cli.run(["list"], environment: ["SOTTO_PASSPHRASE_FILE": cli.folder + "/empty"])
    #expect(empty.status == 9, "an empty first line is an empty passphrase")
  }

  /// A surf session whose unlock fails at the end is not lost: it is quick-captured.
  @Test func aSurfWhoseUnlockFailsIsQuickCaptured() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    cli.write(cli.folder + "/wrong", "not it\n")
    let result = try cli.run(
      ["surf", "--no-tty", "--minutes", "0.02", "--unlock"], stdin: "8\n5\n3\nn\n",
      environment: ["SOTTO_PASSPHRASE_FILE": cli.folder + "/wrong"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("sealed by quick capture instead"), "\(result.stderr)")
    let urges = try SurfCLITests.entries(cli, type: "urge")
    #expect(urges.count == 1)
  }

  /// `init` says what a good passphrase is before asking, and the cost in plain words.
  @Test(.timeLimit(.minutes(1)))
  func initStatesTheRuleBeforeAsking() throws {
    let cli = CLIRunner()
    let good = "lamp orbit cactus violin"
    let result = try cli.run(
      [
        Self.dialogue, "at least 12 characters", "", "Choose a passphrase", good, "Repeat it",
        good, "Created", "", "--", CLIRunner.binary, "init", "--kdf", "interactive",
      ], tool: "/usr/bin/python3")
    #expect(result.status == 0, "\(result.stdout)")
    #expect(!result.stdout.contains("key derivation:"), "\(result.stdout)")
    #expect(result.stdout.contains("each guess costs"))
    // Onto an existing journal: refused before the passphrase is typed twice for nothing.
    let again = try cli.run(["init"], scripted: false)
    #expect(again.status == 5, "\(again.stderr)")
    #expect(!again.stderr.contains("terminal"), "\(again.stderr)")
  }

  /// An answer a field cannot hold (a function key types control characters) is asked for
  /// again at once; before, every answer was lost when the entry was refused at the end.
  @Test(.timeLimit(.minutes(1)))
  func aBadAnswerIsAskedForAgainAtOnce() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(
      [
        Self.dialogue, "What did you use", "wine", "How much", "<enter>", "How?", "\u{1B}[1~",
        "Please give plain text", "", "How?", "oral", "Where?", "<enter>", "cost", "<enter>",
        "mood before", "<enter>", "mood after", "<enter>", "A note", "<enter>", "When?",
        "<enter>", "Logged use", "", "--", CLIRunner.binary, "use",
      ], tool: "/usr/bin/python3")
    #expect(result.status == 0, "\(result.stdout)")
    let uses = try SurfCLITests.entries(cli, type: "use")
    #expect(uses.count == 1)
    #expect((uses.first?["use"] as? [String: Any])?["route"] as? String == "oral")
  }

  /// Without a terminal every destructive command needs --yes (delete deleted unasked before).
  @Test func destructiveCommandsNeedYesWithoutATerminal() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "5", "--unlock"])
    let id = try #require(SurfCLITests.entries(cli).first?["id"] as? String)
    let rule = try cli.run(["rules", "add", "ketamine", "alcohol"])
    #expect(rule.status == 0, "\(rule.stderr)")
    let ruleID = try #require(SurfCLITests.entries(cli, type: "rule").first?["id"] as? String)
    let before = cli.fingerprint()
    for command in [
      ["delete", id], ["rules", "remove", ruleID], ["inbox", "discard", "--all"], ["wipe"],
    ] {
      let result = try cli.run(command)
      #expect(result.status == 64, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("needs confirmation"), "\(command): \(result.stderr)")
      #expect(result.stderr.contains("--yes"))
    }
    #expect(cli.fingerprint() == before)
    #expect(try cli.run(["delete", id, "--yes"]).status == 0)
  }

  /// On a terminal `y` and `yes` confirm; anything else declines with status 12.
  @Test(.timeLimit(.minutes(1)))
  func confirmationsAcceptYAndDeclineWithStatus12() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "5", "--unlock"])
    try cli.run(["urge", "6", "--unlock"])
    let ids = try SurfCLITests.entries(cli).compactMap { $0["id"] as? String }
    func delete(_ id: String, answer: String) throws -> CLIRunner.Result {
      try cli.run(
        [
          Self.dialogue, "Passphrase:", CLIRunner.passphrase, "for good? [y/N]", answer, "--",
          CLIRunner.binary, "delete", id,
        ], tool: "/usr/bin/python3")
    }
    let declined = try delete(ids[0], answer: "nope")
    #expect(declined.status == 12, "\(declined.stdout)")
    #expect(declined.stdout.contains("Nothing was changed"))
    #expect(try delete(ids[0], answer: "y").status == 0)
    #expect(try delete(ids[1], answer: "YES").status == 0)
    #expect(try SurfCLITests.entries(cli).isEmpty)
  }

  /// Checks that need no passphrase come first: an existing output file is refused before the
  /// passphrase is asked for (it was asked, then refused).
  @Test func anExistingOutputIsRefusedBeforeThePassphrase() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let existing = cli.folder + "/all.json"
    cli.write(existing, "keep me")
    for command in [
      ["export", "--output", existing], ["backup", "--output", existing],
      ["report", "--output", existing],
    ] {
      // No passphrase source and no terminal: asking would fail with status 9.
      let result = try cli.run(command, scripted: false)
      #expect(result.status == 64, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("already exists"), "\(result.stderr)")
    }
    #expect(FileManager.default.contents(atPath: existing) == Data("keep me".utf8))
  }

  /// `--passphrase-command` runs a program (no shell) and takes the first line it prints.
  @Test func thePassphraseCanComeFromACommand() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "6", "--unlock"])
    let listed = try cli.run(
      ["list", "--passphrase-command", "cat '\(cli.passphraseFile)'"], scripted: false)
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout.contains("6/10"))
    let fromEnvironment = try cli.run(
      ["list"], environment: ["SOTTO_PASSPHRASE_COMMAND": "cat \(cli.passphraseFile)"],
      scripted: false)
    #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
    // No shell: "$HOME" reaches echo as it is, so the passphrase is wrong.
    let literal = try cli.run(["list", "--passphrase-command", "echo $HOME"], scripted: false)
    #expect(literal.status == 2, "\(literal.stderr)")
    for failing in ["false", "no-such-program-here", "printf ''", "cat 'unclosed"] {
      let result = try cli.run(["list", "--passphrase-command", failing], scripted: false)
      #expect(result.status == 9, "\(failing): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
  }

  // MARK: Output

  /// A mistyped command gets the nearest one; `help` of an unknown command is an error.
  @Test func aMistypedCommandGetsASuggestion() throws {
    let cli = CLIRunner()
    let typo = try cli.run(["lsit"])
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("Did you mean `sotto list`?"), "\(typo.stderr)")
    let help = try cli.run(["help", "lst"])
    #expect(help.status == 64, "\(help.stdout)")
    #expect(help.stderr.contains("`sotto list`"))
    // A word far from every command may be entry text: it is not echoed.
    let far = try cli.run(["fentanyl"])
    #expect(far.status == 64)
    #expect(!far.stderr.contains("fentanyl"), "\(far.stderr)")
  }

  /// Every parse error is one line, in the house wording, without the usage block.
  @Test func parseErrorsAreOneSentence() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let cases: [([String], String)] = [
      (["list", "--format", "uses"], "--format must be one of: text, json"),
      (["urge", "-1"], "negative numbers"),
      (["list", "--since"], "--since needs a value"),
      (["show"], "sotto show needs <id>"),
      (["list", "--frmat", "json"], "Did you mean --format?"),
      (["list", "--since", "someday"], "--since could not be read as a time"),
      (["config", "quick-capture", "maybe"], "must be one of: on, off"),
    ]
    for (arguments, expected) in cases {
      let result = try cli.run(arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("Usage:"))
      #expect(!result.stderr.contains("Nothing was written"), "a listing writes nothing anyway")
    }
    // A command that writes nothing does not say "Nothing was written" when it fails.
    let missing = try cli.run(["list"], environment: ["SOTTO_PASSPHRASE_FILE": cli.folder + "/no"])
    #expect(missing.status == 9)
    #expect(!missing.stderr.contains("Nothing was written"), "\(missing.stderr)")
  }

  /// `list` rows fit the width; the full text stays in `show` and JSON.
  @Test func listRowsFitTheWidth() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let note = String(repeating: "walked it off along the river ", count: 4)
    try cli.run(["urge", "5", "--trigger", "payday", "--note", note, "--unlock"])
    let listed = try cli.run(["list"], environment: ["COLUMNS": "60"])
    let rows = listed.stdout.split(separator: "\n")
    #expect(rows.count == 1)
    #expect(rows.allSatisfy { $0.count <= 60 }, "\(listed.stdout)")
    #expect(listed.stdout.contains("…"))
    let json = try cli.run(["list", "--format", "json"], environment: ["COLUMNS": "60"])
    #expect(json.stdout.contains(note.trimmingCharacters(in: .whitespaces)))
  }

  /// `status` with several units wraps instead of printing one very long line.
  @Test func statusWrapsLongLines() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    for unit in ["mg", "g", "drinks", "pills", "lines", "hits", "tabs", "ml", "joints", "cans"] {
      #expect(try cli.run(["use", "mixed", "1", unit, "--unlock", "--quiet"]).status == 0)
    }
    let status = try cli.run(["status"])
    #expect(status.status == 0, "\(status.stderr)")
    for line in status.stdout.split(separator: "\n") {
      #expect(line.count <= 80, "\(line.count): \(line)")
    }
  }

  /// `backup --output -` to a terminal is refused before the passphrase is asked for.
  @Test(.timeLimit(.minutes(1)))
  func aBackupIsNotWrittenToATerminal() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(
      [Self.dialogue, "binary", "--", CLIRunner.binary, "backup", "--output", "-"],
      tool: "/usr/bin/python3")
    #expect(result.status == 64, "\(result.stdout)")
    #expect(!result.stdout.contains("Passphrase:"))
  }

  /// NO_COLOR set but empty keeps colour (no-color.org); set to anything else turns it off.
  @Test(.timeLimit(.minutes(1)))
  func anEmptyNoColorKeepsColour() throws {
    let cli = CLIRunner()
    func demo(_ value: String) throws -> String {
      try cli.run(
        [Self.dialogue, "--", CLIRunner.binary, "demo", "--weeks", "2", "--no-pager"],
        tool: "/usr/bin/python3",
        environment: ["NO_COLOR": value]
      ).stdout
    }
    #expect(try demo("").contains("\u{1B}["))
    #expect(try !demo("1").contains("\u{1B}["))
  }

  /// `sotto` alone on a terminal shows today's status line and the commands used most.
  @Test(.timeLimit(.minutes(1)))
  func sottoAloneShowsTodayAndTheCommonCommands() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(
      [
        Self.dialogue, "Passphrase for today's status", CLIRunner.passphrase, "sotto report",
        "--", CLIRunner.binary,
      ], tool: "/usr/bin/python3")
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("Today, "), "\(result.stdout)")
    for command in ["sotto urge", "sotto use", "sotto status", "sotto list"] {
      #expect(result.stdout.contains(command))
    }
    // Enter skips the question; the commands are still shown.
    let skipped = try cli.run(
      [Self.dialogue, "Enter to skip", "<enter>", "sotto report", "--", CLIRunner.binary],
      tool: "/usr/bin/python3")
    #expect(skipped.status == 0, "\(skipped.stdout)")
  }

  /// Every option in every command's help has a description, and no default is said twice.
  @Test func everyOptionInTheHelpIsDescribed() throws {
    let cli = CLIRunner()
    let commands = [
      ["init"], ["urge"], ["use"], ["goal", "add"], ["list"], ["show"], ["edit"], ["delete"],
      ["status"], ["report"], ["export"], ["import"], ["backup"], ["restore"], ["wipe"],
      ["passwd"], ["verify"], ["config"], ["demo"], ["surf"], ["rules", "add"], ["inbox"],
    ]
    for command in commands {
      let help = try cli.run(command + ["--help"]).stdout
      let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for (index, line) in lines.enumerated() where line.hasPrefix("  -") {
        // An option alone on its line has its description on the next, indented further.
        let synopsis = try Regex(#"^\s*(-[-\w]+(, )?)+( <[^>]+>)?\s*$"#)
        let described =
          line.wholeMatch(of: synopsis) == nil
          || (index + 1 < lines.count
            && lines[index + 1].hasPrefix(String(repeating: " ", count: 10)))
        #expect(described, "\(command): \(line)")
      }
      // Each option's block, from its line to the next option's: "default" at most once
      // (an abstract saying "(default 8)" and the parser's "(default: 8)" read twice).
      var blocks: [String] = []
      for line in lines {
        if line.hasPrefix("  -") {
          blocks.append(line)
        } else if !blocks.isEmpty {
          blocks[blocks.count - 1] += " " + line
        }
      }
      for block in blocks {
        #expect(block.components(separatedBy: "default").count <= 2, "\(command): \(block)")
      }
    }
  }

  /// The man page renders without warnings (it printed nine "Empty input line" warnings).
  @Test func theManPageRendersWithoutWarnings() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else { return }
    let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Docs/sotto.1").path
    let result = try CLIRunner().run(
      ["-l", page], tool: "/usr/bin/man", environment: ["MANWIDTH": "80"])
    #expect(result.status == 0)
    #expect(!result.stderr.contains("warning"), "\(result.stderr)")
  }

  // MARK: Licence

  /// The project says how it may be used: Apache 2.0, in LICENSE, Package.swift and README.
  @Test func theProjectHasALicence() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    func read(_ name: String) -> String {
      (try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
    #expect(read("LICENSE").contains("Apache License"))
    #expect(read("LICENSE").contains("Version 2.0, January 2004"))
    #expect(read("Package.swift").contains("SPDX-License-Identifier: Apache-2.0"))
    let readme = read("README.md")
    #expect(readme.contains("## Licence"))
    for dependency in ["GRDB", "MIT", "swift-argument-parser", "ISC", "public domain"] {
      #expect(readme.contains(dependency), "\(dependency)")
    }
  }
}
