import ArgumentParser
import Foundation
import SottoCore
import SottoModel

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show or change journal settings.",
    discussion: """
      Settings (kept encrypted in the journal, except quick capture, which must be readable \
      without the passphrase):
        quick-capture on|off          let `urge` and `use` log without the passphrase (on by default)
        drinks-standard uk|us|au|ca|who
                                      the standard drink reports and goals count alcohol in: \
      UK unit 8 g, US 14 g, Australia 10 g, Canada 13.45 g, WHO 10 g (the default)
        abv DRINK PERCENT|default     the strength assumed for DRINK when a use has no --abv
        day-starts HH:MM              when a day begins for every figure (00:00 by default; \
      05:00 counts a use at 00:30 after a night out in the evening before)
        baseline AMOUNT|default       your usual spending a week, which reports count money \
      kept against (by default the mean of the journal's first four weeks)

      `sotto config` lists every setting; `sotto config abv` lists the strengths.

      Examples: sotto config drinks-standard uk · sotto config abv wine 13.5 · sotto config abv \
      wine default
      """)

  @Argument(
    help:
      "The setting: quick-capture, drinks-standard, abv, day-starts or baseline. None: list them.")
  var setting: String?

  @Argument(help: "The new value (for abv: the drink, then a percentage or `default`).")
  var values: [String] = []

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      switch setting {
      case nil:
        guard values.isEmpty else { throw InputError("Name the setting first.") }
        try list()
      case "quick-capture": try setQuickCapture()
      case "drinks-standard": try setStandard()
      case "abv": try setStrength()
      case "day-starts": try setDayStart()
      case "baseline": try setBaseline()
      case let other?:
        throw InputError(
          "There is no setting \(other). The settings are quick-capture, drinks-standard, abv, "
            + "day-starts and baseline (see `sotto config --help`).")
      }
    }
  }

  private func list() throws {
    let journal = try options.unlock()
    let settings = try journal.settings()
    let drinks = settings.drinks
    Console.out("quick-capture    \(journal.journal.quickCaptureEnabled ? "on" : "off")")
    Console.out(
      "drinks-standard  \(drinks.standard.rawValue) (\(drinks.standard.name), "
        + "\(EntryText.number(drinks.standard.grams)) g of alcohol each)")
    Console.out("abv              see `sotto config abv`")
    Console.out("day-starts       \(settings.dayStart.text)")
    Console.out(
      "baseline         "
        + (settings.baselinePerWeek.map { EntryText.number($0) + " a week" }
          ?? "the mean of the journal's first four weeks"))
  }

  private func setBaseline() throws {
    guard values.count == 1 else {
      throw InputError("baseline takes an amount a week, or default: sotto config baseline 120")
    }
    if values[0].lowercased() == "default" {
      try options.unlock().updateSettings { $0.baselinePerWeek = nil }
      Console.out("Money kept is counted against the mean of your journal's first four weeks.")
      return
    }
    guard let amount = Double(values[0]), amount.isFinite, amount >= 0, amount <= Use.maxQuantity
    else {
      throw InputError("The baseline is an amount a week, from 0 to 1000000 (120).")
    }
    try options.unlock().updateSettings { $0.baselinePerWeek = amount }
    Console.out("Money kept is counted against \(EntryText.number(amount)) a week.")
  }

  private func setDayStart() throws {
    guard values.count == 1, let start = DayStart(parsing: values[0]) else {
      throw InputError(
        "day-starts takes a time from 00:00 to 12:00: sotto config day-starts 05:00")
    }
    try options.unlock().updateSettings { $0.dayStart = start }
    Console.out(
      start == .midnight
        ? "Days begin at midnight."
        : "Days begin at \(start.text): anything logged before then counts for the day before.")
  }

  private func setQuickCapture() throws {
    guard values.count == 1, let value = values.first, value == "on" || value == "off" else {
      throw InputError("quick-capture must be one of: on, off (sotto config quick-capture off).")
    }
    let closed = try options.open()
    let (passphrase, journal) = try options.passphrases.using { (passphrase) throws(SottoError) in
      (passphrase, try closed.unlock(passphrase))
    }
    try journal.setQuickCapture(value == "on", passphrase: passphrase)
    Console.out("Quick capture is \(value).")
  }

  private func setStandard() throws {
    let names = DrinkStandard.allCases.map(\.rawValue)
    guard values.count == 1, let standard = DrinkStandard(rawValue: values[0].lowercased()) else {
      throw InputError(
        "drinks-standard takes one of \(names.joined(separator: ", ")): "
          + "sotto config drinks-standard uk")
    }
    try options.unlock().updateSettings { $0.drinks.standard = standard }
    Console.out(
      "Alcohol is counted in \(standard.name) (\(EntryText.number(standard.grams)) g of alcohol "
        + "each).")
  }

  private func setStrength() throws {
    guard !values.isEmpty else {
      let drinks = try options.unlock().settings().drinks
      let names = Set(DrinkSettings.defaultABV.keys).union(drinks.abv.keys).sorted()
      for name in names {
        let own = drinks.abv[name]
        let shown = own ?? DrinkSettings.defaultABV[name]!
        Console.out(
          name.padding(toLength: max(12, name.count + 1), withPad: " ", startingAt: 0)
            + EntryText.number(shown) + "%"
            + (own == nil
              ? ""
              : " (yours; the default is "
                + (DrinkSettings.defaultABV[name].map { EntryText.number($0) + "%" } ?? "none")
                + ")"))
      }
      return
    }
    guard values.count == 2 else {
      throw InputError("abv takes a drink and a percentage: sotto config abv wine 13.5")
    }
    let drink = Naming.canonical(values[0])
    guard SubstanceCatalog.referenceName(drink) == "alcohol", !drink.isEmpty else {
      throw InputError(
        "\(values[0]) is not a drink Sotto counts as alcohol (wine, beer, cider, spirits, vodka, "
          + "...).")
    }
    if values[1].lowercased() == "default" {
      try options.unlock().updateSettings { $0.drinks.abv[drink] = nil }
      Console.out(
        "\(drink): back to the default"
          + (DrinkSettings.defaultABV[drink].map { " (\(EntryText.number($0))%)." } ?? " (none)."))
      return
    }
    guard let percent = Double(values[1].replacingOccurrences(of: "%", with: "")),
      DrinkSettings.isStrength(percent)
    else {
      throw InputError("The strength is a percentage above 0 and at most 100 (13.5).")
    }
    try options.unlock().updateSettings { $0.drinks.abv[drink] = percent }
    Console.out("\(drink) is counted at \(EntryText.number(percent))% when a use has no --abv.")
  }
}
