import Foundation
import Testing

/// Knowing what was taken, from the real binary: drinks count as alcohol, unit typos are caught.
@Suite struct InsightCLITests {
  /// `sotto use alcohol 3 drnks` was logged without a word; now it is refused with the unit it
  /// was likely meant to be, unless --new-unit says it is a unit of the person's own.
  @Test func aUnitTypoIsRefusedWithASuggestion() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let before = cli.fingerprint()
    let refused = try cli.run(["use", "alcohol", "3", "drnks", "--unlock"])
    #expect(refused.status == 64, "\(refused.stderr)")
    #expect(refused.stderr.contains("did you mean drinks?"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("drnks"), "the unit typed is entry text")
    #expect(cli.fingerprint() == before)
    let own = try cli.run(["use", "alcohol", "3", "drnks", "--new-unit", "--unlock", "--quiet"])
    #expect(own.status == 0, "\(own.stderr)")
  }

  /// Wine and beer count against a cap on alcohol (before: "0 of 10 drinks").
  @Test func wineAndBeerCountAgainstAnAlcoholCap() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(
      try cli.run(["goal", "add", "--max", "10", "drinks", "--of", "alcohol", "--per", "week"])
        .status == 0)
    #expect(try cli.run(["use", "wine", "2", "drinks", "--unlock", "--quiet"]).status == 0)
    #expect(try cli.run(["use", "beer", "3", "drinks", "--unlock", "--quiet"]).status == 0)
    let status = try cli.run(["status"])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("5 of 10 drinks"), "\(status.stdout)")
  }

  /// `report --month last` and `--year` (refused as unknown options before).
  @Test func reportsCoverAMonthOrAYear() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "4", "--unlock"])
    let month = try cli.run(["report", "--month", "last", "--format", "json"])
    #expect(month.status == 0, "\(month.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(month.stdout.utf8)) as? [String: Any]
    let period = object?["period"] as? [String: Any]
    #expect(period?["kind"] as? String == "month")
    let year = try cli.run(["report", "--year", "this"])
    #expect(year.status == 0, "\(year.stderr)")
    #expect(year.stdout.contains("COMPARED WITH LAST YEAR"), "\(year.stdout)")
    let both = try cli.run(["report", "--week", "last", "--month", "last"])
    #expect(both.status == 64)
    #expect(try cli.run(["report", "--month", "2026-13"]).status == 64)
  }

  /// On a terminal a text report longer than the screen goes through `$PAGER` (else
  /// `less -R`); `--no-pager` and a pipe print it straight.
  @Test(.timeLimit(.minutes(1)))
  func aLongReportOnATerminalGoesThroughThePager() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "4", "--unlock"])
    let pager = ["PAGER": "sed s/^/PAGED:/", "LINES": "20", "NO_COLOR": "1"]
    func onTerminal(_ extra: [String]) throws -> CLIRunner.Result {
      try cli.run(
        [
          AttackTests.dialogue, "Passphrase:", CLIRunner.passphrase, "--", CLIRunner.binary,
          "report",
        ] + extra, tool: "/usr/bin/python3", environment: pager)
    }
    let paged = try onTerminal([])
    #expect(paged.status == 0, "\(paged.stdout)")
    #expect(paged.stdout.contains("PAGED:Sotto · week"), "\(paged.stdout)")
    let straight = try onTerminal(["--no-pager"])
    #expect(straight.stdout.contains("Sotto · week"))
    #expect(!straight.stdout.contains("PAGED:"))
    let piped = try cli.run(["report"], environment: pager)
    #expect(!piped.stdout.contains("PAGED:"))
  }

  /// The real pager, `less`, on a real terminal: it shows the report and takes keys. (Started
  /// with Foundation's Process it sat in a process group of its own, the terminal stopped it at
  /// its first read, and `sotto report` hung with nothing on the screen: found by running the
  /// README's quick start; `PAGER=sed` above reads no keys, so it passed.)
  @Test(.timeLimit(.minutes(1)))
  func lessShowsALongReportAndQuitsOnQ() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/less") else {
      FileHandle.standardError.write(Data("skipped: less is not installed\n".utf8))
      return
    }
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "4", "--unlock"])
    let result = try cli.run(
      [
        AttackTests.dialogue, "Passphrase:", CLIRunner.passphrase, "URGES", "q", "--",
        CLIRunner.binary, "report",
      ], tool: "/usr/bin/python3", environment: ["LINES": "20", "NO_COLOR": "1", "TERM": "xterm"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("URGES"))
  }

  /// The demo pages as the report does (it printed past the screen before), with its
  /// introduction and closing lines in the pager too.
  @Test(.timeLimit(.minutes(1)))
  func theDemoOnATerminalGoesThroughThePager() throws {
    let cli = CLIRunner()
    let pager = ["PAGER": "sed s/^/PAGED:/", "LINES": "20", "NO_COLOR": "1"]
    let paged = try cli.run(
      [AttackTests.dialogue, "--", CLIRunner.binary, "demo", "--weeks", "3"],
      tool: "/usr/bin/python3", environment: pager)
    #expect(paged.stdout.contains("PAGED:This is a demo journal"), "\(paged.stdout)")
    #expect(paged.stdout.contains("PAGED:The demo journal has been deleted"), "\(paged.stdout)")
    let straight = try cli.run(
      [AttackTests.dialogue, "--", CLIRunner.binary, "demo", "--weeks", "3", "--no-pager"],
      tool: "/usr/bin/python3", environment: pager)
    #expect(!straight.stdout.contains("PAGED:"))
  }
}
