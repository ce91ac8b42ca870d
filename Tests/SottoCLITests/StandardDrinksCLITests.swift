import Foundation
import Testing

/// Standard drinks from the real binary: `--abv`, `config drinks-standard`, `config abv`, and
/// settings that are kept encrypted and survive a passphrase change.
@Suite struct StandardDrinksCLITests {
  /// 500 ml of 13% wine is 500 × 0.13 × 0.789 = 51.285 g of ethanol: 5.13 WHO drinks (10 g),
  /// 6.41 UK units (8 g); a goal of 14 units of alcohol a week counts it.
  @Test func aVolumeWithItsStrengthIsCountedInTheChosenStandard() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(
      try cli.run(["goal", "add", "--max", "14", "units", "--of", "alcohol", "--per", "week"])
        .status == 0)
    let logged = try cli.run(["use", "wine", "500", "ml", "--abv", "13", "--unlock", "--quiet"])
    #expect(logged.status == 0, "\(logged.stderr)")
    let who = try cli.run(["report"])
    #expect(who.stdout.contains("5.13 WHO standard drinks"), "\(who.stdout)")
    #expect(who.stdout.contains("5.13 of 14 units"), "\(who.stdout)")

    let set = try cli.run(["config", "drinks-standard", "uk"])
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout.contains("UK units (8 g"), "\(set.stdout)")
    let uk = try cli.run(["report"])
    #expect(uk.stdout.contains("6.41 UK units"), "\(uk.stdout)")
    #expect(uk.stdout.contains("6.41 of 14 units"), "\(uk.stdout)")
    let json = try cli.run(["report", "--format", "json"])
    #expect(json.stdout.contains("\"standard\" : \"uk\""), "\(json.stdout)")

    // The setting is not in the file in plain text, and outlives a new passphrase.
    let folder = (cli.journal as NSString).deletingLastPathComponent
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      let bytes = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
      #expect(bytes.range(of: Data("drinksStandard".utf8)) == nil, "\(name)")
    }
    cli.write(cli.folder + "/new", "another long passphrase for the test\n")
    let passwd = try cli.run(
      ["passwd", "--new-passphrase-file", cli.folder + "/new"])
    #expect(passwd.status == 0, "\(passwd.stderr)")
    let after = try cli.run(
      ["config"], environment: ["SOTTO_PASSPHRASE_FILE": cli.folder + "/new"])
    #expect(after.stdout.contains("drinks-standard  uk"), "\(after.stdout)\(after.stderr)")

    // The settings travel with the data: in the JSON export, and through backup and restore.
    let environment = ["SOTTO_PASSPHRASE_FILE": cli.folder + "/new"]
    let export = try cli.run(
      ["export", "--format", "json", "--output", "-"], environment: environment)
    #expect(export.stdout.contains(#""settings" : {"drinksStandard":"uk"}"#), "\(export.stdout)")
    let backup = cli.folder + "/journal.backup"
    #expect(
      try cli.run(["backup", "--output", backup], environment: environment).status == 0)
    let restored = cli.folder + "/restored.db"
    let restore = try cli.run(
      ["restore", backup, "--journal", restored], environment: environment)
    #expect(restore.status == 0, "\(restore.stderr)")
    let config = try cli.run(["config", "--journal", restored], environment: environment)
    #expect(config.stdout.contains("drinks-standard  uk"), "\(config.stdout)\(config.stderr)")
  }

  /// A drink's default strength can be seen and changed, and `default` brings it back.
  @Test func drinkStrengthsCanBeListedChangedAndReset() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(try cli.run(["config", "abv"]).stdout.contains("wine        12%"))
    #expect(try cli.run(["config", "abv", "wine", "13.5"]).status == 0)
    #expect(try cli.run(["config", "abv"]).stdout.contains("wine        13.5% (yours"))
    // 1 l of wine at 13.5%: 1000 × 0.135 × 0.789 = 106.515 g, 10.65 WHO drinks.
    #expect(try cli.run(["use", "wine", "1", "l", "--unlock", "--quiet"]).status == 0)
    #expect(try cli.run(["report"]).stdout.contains("10.65 WHO standard drinks"))
    #expect(try cli.run(["config", "abv", "wine", "default"]).status == 0)
    // At the default 12%: 94.68 g, 9.47 drinks.
    #expect(try cli.run(["report"]).stdout.contains("9.47 WHO standard drinks"))
  }

  /// `config day-starts` is kept and listed; a use at 00:30 then counts for the evening before.
  @Test func theDayStartIsSetAndShown() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let set = try cli.run(["config", "day-starts", "05:00"])
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout.contains("counts for the day before"), "\(set.stdout)")
    #expect(try cli.run(["config"]).stdout.contains("day-starts       05:00"))
    #expect(try cli.run(["config", "day-starts", "0:00"]).stdout.contains("midnight"))
    #expect(try cli.run(["config"]).stdout.contains("day-starts       00:00"))
    // The baseline money kept is counted against: 70 a week; this week's report says so.
    #expect(try cli.run(["config", "baseline", "70"]).status == 0)
    #expect(try cli.run(["config"]).stdout.contains("baseline         70 a week"))
    #expect(try cli.run(["use", "wine", "1", "bottle", "--cost", "9", "--unlock"]).status == 0)
    let report = try cli.run(["report", "--format", "markdown"])
    #expect(
      report.stdout.contains("At your usual 70.00 a week (your baseline)"), "\(report.stdout)")
    #expect(report.stdout.contains("9.00 spent, so"), "\(report.stdout)")
    #expect(try cli.run(["config", "baseline", "default"]).status == 0)
    #expect(try cli.run(["config", "baseline", "-5"]).status == 64)
  }

  @Test func badValuesAreRefusedAndChangeNothing() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let before = cli.fingerprint()
    let cases: [([String], String)] = [
      (["config", "drinks-standard", "mars"], "uk, us, au, ca, who"),
      (["config", "abv", "wine", "130"], "at most 100"),
      (["config", "abv", "coffee", "5"], "not a drink Sotto counts as alcohol"),
      (["config", "colour", "on"], "There is no setting colour"),
      (["config", "day-starts", "13:00"], "from 00:00 to 12:00"),
      (["use", "wine", "1", "l", "--abv", "0", "--unlock"], "abv must be a percentage"),
    ]
    for (arguments, expected) in cases {
      let result = try cli.run(arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
    }
    #expect(cli.fingerprint() == before)
  }
}
