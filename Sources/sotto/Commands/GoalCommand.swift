import ArgumentParser
import SottoCore
import SottoModel

extension GoalPeriod: ExpressibleByArgument {}

struct GoalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "goal",
    abstract: "Set, list and archive goals.",
    subcommands: [GoalAddCommand.self, GoalListCommand.self, GoalArchiveCommand.self])
}

struct GoalAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Set a goal.",
    discussion: """
      Give exactly one kind of goal:
        --max AMOUNT UNIT --of SUBSTANCE --per day|week   a cap on how much
        --use-free-days N --per week                      days without any use
        --min-gap HOURS --of SUBSTANCE                    time between uses
        --max-spend AMOUNT --per week                     a spending cap
        --resist-rate PERCENT                             share of urges resisted

      Examples:
        sotto goal add --max 10 drinks --of alcohol --per week
        sotto goal add --use-free-days 2 --per week
      """)

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "A cap: an amount and its unit (with --of and --per).", valueName: "amount unit"))
  var max: [String] = []

  @Option(
    help: ArgumentHelp("The substance a cap or minimum gap is about.", valueName: "substance"))
  var of: String?

  @Option(help: "The period: day or week.")
  var per: GoalPeriod?

  @Option(
    name: .customLong("use-free-days"),
    help: ArgumentHelp("Use-free days wanted per week.", valueName: "n"))
  var useFreeDays: Int?

  @Option(
    name: .customLong("min-gap"),
    help: ArgumentHelp("Hours wanted between uses (with --of).", valueName: "hours"))
  var minGap: Double?

  @Option(
    name: .customLong("max-spend"),
    help: ArgumentHelp("Most to spend per period (with --per).", valueName: "amount"))
  var maxSpend: Double?

  @Option(
    name: .customLong("resist-rate"),
    help: ArgumentHelp("Share of urges to resist, in percent.", valueName: "percent"))
  var resistRate: Int?

  @Option(help: ArgumentHelp("When the goal starts counting (default: now).", valueName: "when"))
  var from: String?

  @Option(help: "A note, kept encrypted.")
  var note: String?

  @OptionGroup var options: JournalOptions

  func rule() throws -> GoalRule {
    let chosen = [
      !max.isEmpty, useFreeDays != nil, minGap != nil, maxSpend != nil, resistRate != nil,
    ]
    .filter { $0 }.count
    guard chosen == 1 else {
      throw InputError(
        "Give exactly one kind of goal: --max, --use-free-days, --min-gap, --max-spend or "
          + "--resist-rate. See `sotto goal add --help`.")
    }
    if !max.isEmpty {
      guard max.count == 2, let amount = Double(max[0]) else {
        throw InputError("--max takes an amount and a unit, for example: --max 10 drinks.")
      }
      guard let of else { throw InputError("--max needs --of SUBSTANCE.") }
      guard let per else { throw InputError("--max needs --per day or --per week.") }
      return .cap(
        amount: amount, unit: Naming.unit(max[1]), substance: Naming.canonical(of), period: per)
    }
    if let useFreeDays {
      return .useFreeDays(days: useFreeDays, period: per ?? .week)
    }
    if let minGap {
      guard let of else { throw InputError("--min-gap needs --of SUBSTANCE.") }
      return .minGap(hours: minGap, substance: Naming.canonical(of))
    }
    if let maxSpend {
      return .maxSpend(amount: maxSpend, period: per ?? .week)
    }
    return .resistRate(percent: resistRate ?? 0)
  }

  func run() throws {
    try runReportingErrors {
      let clock = Clock()
      let start = try clock.parseEntryTime(from, option: "--from")
      let goal = Goal(rule: try rule(), note: LogSupport.text(note))
      do { try goal.validate() } catch { throw InputError(String(describing: error)) }
      let journal = try options.unlock()
      let entry = try journal.add(.goal(goal), at: start)
      Console.out("Set goal \(entry.id.short) · \(EntryText.goalText(goal.rule))")
    }
  }
}

struct GoalListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List goals, active first.")

  @Flag(help: "Include archived goals.")
  var all = false

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors(readOnly: true) {
      let contents = try options.readAll().contents
      let goals = contents.entries.filter { stored in
        guard let goal = stored.entry.goal else { return false }
        return all || !goal.archived
      }
      switch format {
      case .json:
        Console.out(
          EntryJSON.encode(goals.map { EntryJSON(entry: $0.entry, revision: $0.revision) }))
      case .text:
        if goals.isEmpty { Console.out("No goals yet. Set one with `sotto goal add`.") }
        for stored in goals {
          Console.out(
            "\(stored.entry.id.short)  from \(EntryText.time(stored.entry.at).prefix(10))  "
              + EntryText.summary(stored.entry))
        }
      }
    }
  }
}

struct GoalArchiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "archive", abstract: "Stop tracking a goal (it is kept, marked archived).")

  @Argument(help: "The goal's id, or the first 6 or more digits of it.")
  var id: String

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock()
      var stored = try journal.entry(matching: id)
      guard var goal = stored.entry.goal else {
        throw InputError("Entry \(stored.entry.id.short) is not a goal.")
      }
      goal.archived = true
      stored.entry.body = .goal(goal)
      try journal.update(stored)
      Console.out("Archived goal \(stored.entry.id.short).")
    }
  }
}
