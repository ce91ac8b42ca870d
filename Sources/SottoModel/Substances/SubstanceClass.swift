/// A class of substances that the combination table (``Combination``) speaks about.
///
/// A substance may belong to several classes: tramadol is an opioid and also acts on serotonin,
/// MDMA is serotonergic and a stimulant.
public enum SubstanceClass: String, Hashable, Sendable, CaseIterable, Comparable {
  /// Opioids: heroin, fentanyl, oxycodone, morphine, methadone, codeine, buprenorphine, ...
  case opioid
  /// Tramadol, an opioid that also raises serotonin.
  case tramadol
  /// Benzodiazepines and close relatives (etizolam).
  case benzodiazepine
  /// Alcohol in any drink.
  case alcohol
  /// Gabapentin and pregabalin.
  case gabapentinoid
  /// GHB, GBL and 1,4-butanediol.
  case ghb
  /// Other sedatives: barbiturates, "Z-drugs", phenibut, carisoprodol.
  case otherDepressant
  /// Monoamine oxidase inhibitors, including harmala alkaloids (ayahuasca, Syrian rue).
  case maoi
  /// MDMA and MDA.
  case mdma
  /// SSRI and SNRI antidepressants.
  case serotonergicAntidepressant
  /// Dextromethorphan (DXM).
  case dxm
  /// Amphetamines: amphetamine, dexamphetamine, methamphetamine, lisdexamfetamine.
  case amphetamine
  /// Cocaine and crack.
  case cocaine
  /// Cannabis in any form (it is in no combination of the table; the class makes "weed" and
  /// "cannabis" one substance in reports and goals).
  case cannabis
  /// Ketamine.
  case ketamine

  /// How the class reads in a sentence ("a benzodiazepine").
  public var name: String {
    switch self {
    case .opioid: "an opioid"
    case .tramadol: "tramadol"
    case .benzodiazepine: "a benzodiazepine"
    case .alcohol: "alcohol"
    case .gabapentinoid: "a gabapentinoid"
    case .ghb: "GHB/GBL"
    case .otherDepressant: "a sedative"
    case .maoi: "an MAOI"
    case .mdma: "MDMA"
    case .serotonergicAntidepressant: "an SSRI/SNRI antidepressant"
    case .dxm: "DXM"
    case .amphetamine: "an amphetamine"
    case .cocaine: "cocaine"
    case .cannabis: "cannabis"
    case .ketamine: "ketamine"
    }
  }

  /// How long, in hours, a use of the class is counted as still active for the combination
  /// warnings: about five half-lives of its longer-lasting members, or the washout the
  /// prescribing information asks for (MAOIs: 14 days; SSRIs/SNRIs are taken daily, so a
  /// logged dose stands for the course: 14 days too). The table is in Docs/SAFETY.md.
  public var activeHours: Int {
    switch self {
    case .opioid: 48  // methadone and buprenorphine outlast heroin by days
    case .tramadol: 36
    case .benzodiazepine: 72  // diazepam and clonazepam stay for days
    case .alcohol: 12
    case .gabapentinoid: 24
    case .ghb: 6
    case .otherDepressant: 24
    case .maoi: 336  // irreversible MAOIs: 14 days for the enzyme to come back
    case .mdma: 24
    case .serotonergicAntidepressant: 336
    case .dxm: 24
    case .amphetamine: 24
    case .cocaine: 12
    case .cannabis: 12
    case .ketamine: 12
    }
  }

  /// Words a person may use for the whole class in a rule (`sotto rules add benzos alcohol`).
  public static let words: [String: SubstanceClass] = [
    "opioid": .opioid, "opioids": .opioid, "opiate": .opioid, "opiates": .opioid,
    "benzodiazepine": .benzodiazepine, "benzodiazepines": .benzodiazepine, "benzo": .benzodiazepine,
    "benzos": .benzodiazepine,
    "gabapentinoid": .gabapentinoid, "gabapentinoids": .gabapentinoid,
    "depressant": .otherDepressant, "depressants": .otherDepressant, "sedative": .otherDepressant,
    "sedatives": .otherDepressant,
    "maoi": .maoi, "maois": .maoi,
    "ssri": .serotonergicAntidepressant, "ssris": .serotonergicAntidepressant,
    "snri": .serotonergicAntidepressant, "snris": .serotonergicAntidepressant,
    "antidepressant": .serotonergicAntidepressant, "antidepressants": .serotonergicAntidepressant,
    "amphetamines": .amphetamine,
  ]

  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
