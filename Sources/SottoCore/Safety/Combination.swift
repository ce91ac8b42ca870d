import SottoModel

/// A well-established dangerous combination of two classes of substances, with what it does
/// and where that is documented (`Docs/SAFETY.md` cites each source in full).
public struct Combination: Hashable, Sendable {
  /// How strongly the sources warn.
  public enum Level: String, Hashable, Sendable {
    /// Life-threatening: breathing can slow or stop, serotonin syndrome, hypertensive crisis.
    case dangerous
    /// Serious strain on the body; worth slowing down for.
    case caution
  }

  /// A stable name for the pair, used in tests and in `Docs/SAFETY.md`.
  public var id: String
  /// One class of the pair.
  public var first: SubstanceClass
  /// The other class (may equal `first` only for different substances of one class).
  public var second: SubstanceClass
  /// How strongly the sources warn.
  public var level: Level
  /// What the combination does, as one short factual sentence that starts in lower case
  /// ("together they ...") so it can follow the names of the pair.
  public var risk: String
  /// Who says so (short form; the full citation is in `Docs/SAFETY.md`).
  public var source: String

  /// Whether this combination joins a substance of `classes` with one of `otherClasses`.
  /// How long apart two uses may be for this pair to be warned about: the longer of the two
  /// classes' ``SubstanceClass/activeHours``, in seconds.
  public var windowSeconds: Int64 { Int64(max(first.activeHours, second.activeHours)) * 3600 }

  public func joins(_ classes: Set<SubstanceClass>, _ otherClasses: Set<SubstanceClass>) -> Bool {
    (classes.contains(first) && otherClasses.contains(second))
      || (classes.contains(second) && otherClasses.contains(first))
  }
}

extension Combination {
  private static let breathing =
    "together they slow breathing more than either alone; this can be fatal."
  private static let serotonin =
    "together they can cause serotonin syndrome (fever, agitation, rigid muscles), which can be fatal."

  /// The project's table: small on purpose, each pair well documented. See `Docs/SAFETY.md`.
  public static let table: [Combination] = [
    Combination(
      id: "opioid+benzodiazepine", first: .opioid, second: .benzodiazepine, level: .dangerous,
      risk: breathing, source: "FDA boxed warning, 2016"),
    Combination(
      id: "opioid+alcohol", first: .opioid, second: .alcohol, level: .dangerous,
      risk: breathing, source: "FDA boxed warning, 2016; NIAAA"),
    Combination(
      id: "opioid+gabapentinoid", first: .opioid, second: .gabapentinoid, level: .dangerous,
      risk: breathing, source: "FDA drug safety communication, 2019"),
    Combination(
      id: "opioid+ghb", first: .opioid, second: .ghb, level: .dangerous,
      risk: breathing, source: "TripSit combination chart"),
    Combination(
      id: "opioid+depressant", first: .opioid, second: .otherDepressant, level: .dangerous,
      risk: breathing, source: "FDA boxed warning, 2016"),
    Combination(
      id: "alcohol+benzodiazepine", first: .alcohol, second: .benzodiazepine, level: .dangerous,
      risk: breathing, source: "FDA boxed warning, 2020; NIAAA; TripSit combination chart"),
    Combination(
      id: "alcohol+ghb", first: .alcohol, second: .ghb, level: .dangerous,
      risk: "together they can cause sudden unconsciousness, vomiting and stopped breathing.",
      source: "TripSit combination chart; NIDA"),
    Combination(
      id: "maoi+mdma", first: .maoi, second: .mdma, level: .dangerous,
      risk: serotonin + " It can also raise blood pressure sharply.",
      source: "TripSit combination chart; MAOI labels"),
    Combination(
      id: "maoi+antidepressant", first: .maoi, second: .serotonergicAntidepressant,
      level: .dangerous, risk: serotonin, source: "MAOI and SSRI/SNRI labels (contraindicated)"),
    Combination(
      id: "maoi+tramadol", first: .maoi, second: .tramadol, level: .dangerous,
      risk: serotonin, source: "tramadol label (contraindicated with MAOIs)"),
    Combination(
      id: "maoi+dxm", first: .maoi, second: .dxm, level: .dangerous,
      risk: serotonin, source: "dextromethorphan label (do not use with an MAOI)"),
    Combination(
      id: "maoi+amphetamine", first: .maoi, second: .amphetamine, level: .dangerous,
      risk: "together they can raise blood pressure to a dangerous level (hypertensive crisis).",
      source: "amphetamine labels (contraindicated with MAOIs)"),
    Combination(
      id: "tramadol+antidepressant", first: .tramadol, second: .serotonergicAntidepressant,
      level: .dangerous, risk: serotonin + " Tramadol also lowers the seizure threshold.",
      source: "FDA drug safety communication, 2016; tramadol label"),
    Combination(
      id: "tramadol+mdma", first: .tramadol, second: .mdma, level: .dangerous,
      risk: serotonin + " Tramadol also lowers the seizure threshold.",
      source: "TripSit combination chart"),
    Combination(
      id: "alcohol+cocaine", first: .alcohol, second: .cocaine, level: .dangerous,
      risk: "together they make cocaethylene in the liver, which lasts longer than cocaine and "
        + "is harder on the heart; the risk of sudden death is higher than with either alone.",
      source: "NIDA Research Report, Cocaine (cocaethylene)"),
    Combination(
      id: "ghb+benzodiazepine", first: .ghb, second: .benzodiazepine, level: .dangerous,
      risk: breathing,
      source: "sodium oxybate (Xyrem) prescribing information: contraindicated with sedative "
        + "hypnotics; boxed warning on CNS depressants"),
    Combination(
      id: "ghb+depressant", first: .ghb, second: .otherDepressant, level: .dangerous,
      risk: breathing,
      source: "sodium oxybate (Xyrem) prescribing information: contraindicated with sedative "
        + "hypnotics"),
    Combination(
      id: "dxm+antidepressant", first: .dxm, second: .serotonergicAntidepressant,
      level: .dangerous, risk: serotonin,
      source: "dextromethorphan/quinidine (Nuedexta) prescribing information: serotonin "
        + "syndrome with SSRIs"),
    Combination(
      id: "cocaine+mdma", first: .cocaine, second: .mdma, level: .caution,
      risk: "together they strain the heart more than either alone.",
      source: "TripSit combination chart"),
    Combination(
      id: "cocaine+amphetamine", first: .cocaine, second: .amphetamine, level: .caution,
      risk: "together they strain the heart more than either alone.",
      source: "TripSit combination chart"),
  ]

  /// The first combination of the table that `substance` forms with `other`, if any; a
  /// substance does not combine with itself.
  public static func between(_ substance: String, _ other: String) -> Combination? {
    let a = SubstanceCatalog.referenceName(substance)
    let b = SubstanceCatalog.referenceName(other)
    guard a != b else { return nil }
    let classesA = SubstanceCatalog.classes(of: substance)
    let classesB = SubstanceCatalog.classes(of: other)
    return table.first { $0.joins(classesA, classesB) }
  }
}
