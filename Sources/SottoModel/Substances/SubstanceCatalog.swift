/// A substance the catalog knows: its reference name and its classes.
public struct KnownSubstance: Hashable, Sendable {
  /// The reference name ("alprazolam" for "xanax").
  public var name: String
  /// The classes it belongs to.
  public var classes: Set<SubstanceClass>
}

/// The one substance catalogue: the names people type, mapped to a reference name and classes.
///
/// The safety notes use it for combinations; reports, goals and status use it so that "wine",
/// "beer" and "alcohol" are one substance, and "weed" and "cannabis" another. A name it does
/// not know stays the person's own, and counts on its own.
///
/// Names are compared after `Naming.canonical` (trimmed, spaces collapsed, lower-cased), so
/// "Xanax " and "xanax" are the same. The list is small on purpose: it covers the substances of
/// the combinations in `Docs/SAFETY.md`, cannabis and ketamine, and their common street and
/// brand names.
public enum SubstanceCatalog {
  /// The substance `name` refers to, or `nil` when the catalog does not know it.
  public static func lookup(_ name: String) -> KnownSubstance? {
    let key = Naming.canonical(name)
    if let word = SubstanceClass.words[key] { return KnownSubstance(name: key, classes: [word]) }
    guard let reference = aliases[key] ?? (classesByName[key] != nil ? key : nil),
      let classes = classesByName[reference]
    else { return nil }
    return KnownSubstance(name: reference, classes: classes)
  }

  /// The classes of `name`; empty when the catalog does not know it.
  public static func classes(of name: String) -> Set<SubstanceClass> {
    lookup(name)?.classes ?? []
  }

  /// The reference name for `name`: the catalog's name when it knows it ("xanax" →
  /// "alprazolam"), else `name` in canonical form.
  public static func referenceName(_ name: String) -> String {
    lookup(name)?.name ?? Naming.canonical(name)
  }

  private static func table(
    _ classes: Set<SubstanceClass>, _ names: [String]
  ) -> [(String, Set<SubstanceClass>)] {
    names.map { ($0, classes) }
  }

  /// Reference names and their classes.
  static let classesByName: [String: Set<SubstanceClass>] = Dictionary(
    uniqueKeysWithValues:
      table(
        [.opioid],
        [
          "heroin", "fentanyl", "oxycodone", "morphine", "methadone", "codeine", "buprenorphine",
          "hydrocodone", "hydromorphone", "oxymorphone", "tapentadol", "dihydrocodeine", "opium",
          "pethidine", "carfentanil", "nitazenes",
        ])
      + table([.opioid, .tramadol], ["tramadol"])
      + table(
        [.benzodiazepine],
        [
          "alprazolam", "diazepam", "clonazepam", "lorazepam", "etizolam", "temazepam", "oxazepam",
          "chlordiazepoxide", "bromazolam", "flualprazolam", "clobazam", "midazolam",
          "nitrazepam", "flunitrazepam",
        ])
      + table([.alcohol], ["alcohol"])
      + table([.gabapentinoid], ["gabapentin", "pregabalin"])
      + table([.ghb], ["ghb", "gbl", "1,4-butanediol"])
      + table(
        [.otherDepressant],
        [
          "phenobarbital", "butalbital", "zolpidem", "zopiclone", "eszopiclone", "zaleplon",
          "phenibut", "carisoprodol", "methaqualone",
        ])
      + table(
        [.maoi],
        [
          "phenelzine", "tranylcypromine", "moclobemide", "isocarboxazid", "selegiline",
          "harmala alkaloids", "ayahuasca", "syrian rue",
        ])
      + table([.mdma], ["mdma", "mda"])
      + table(
        [.serotonergicAntidepressant],
        [
          "sertraline", "fluoxetine", "citalopram", "escitalopram", "paroxetine", "fluvoxamine",
          "venlafaxine", "desvenlafaxine", "duloxetine",
        ])
      + table([.dxm], ["dextromethorphan"])
      + table(
        [.amphetamine],
        ["amphetamine", "dexamphetamine", "methamphetamine", "lisdexamfetamine"])
      + table([.cocaine], ["cocaine"])
      + table([.cannabis], ["cannabis"])
      + table([.ketamine], ["ketamine"]))

  /// Other names, brand and street names → reference name.
  static let aliases: [String: String] = [
    // Opioids
    "smack": "heroin", "h": "heroin", "diamorphine": "heroin", "brown": "heroin",
    "fent": "fentanyl", "fenty": "fentanyl",
    "oxy": "oxycodone", "oxys": "oxycodone", "oxycontin": "oxycodone", "percocet": "oxycodone",
    "roxicodone": "oxycodone",
    "morph": "morphine", "ms contin": "morphine",
    "done": "methadone", "methadose": "methadone",
    "subutex": "buprenorphine", "suboxone": "buprenorphine", "bupe": "buprenorphine",
    "subs": "buprenorphine", "sub": "buprenorphine",
    "vicodin": "hydrocodone", "norco": "hydrocodone", "dilaudid": "hydromorphone",
    "lean": "codeine", "purple drank": "codeine", "sizzurp": "codeine",
    "tramal": "tramadol", "ultram": "tramadol", "trammies": "tramadol",
    "demerol": "pethidine", "meperidine": "pethidine", "nitazene": "nitazenes",
    // Benzodiazepines
    "xanax": "alprazolam", "xanny": "alprazolam", "xannies": "alprazolam", "xans": "alprazolam",
    "bars": "alprazolam",
    "valium": "diazepam", "vallies": "diazepam",
    "klonopin": "clonazepam", "rivotril": "clonazepam", "ativan": "lorazepam",
    "restoril": "temazepam", "librium": "chlordiazepoxide", "rohypnol": "flunitrazepam",
    "roofies": "flunitrazepam",
    // Alcohol
    "booze": "alcohol", "beer": "alcohol", "beers": "alcohol", "wine": "alcohol",
    "spirits": "alcohol", "liquor": "alcohol", "vodka": "alcohol", "whisky": "alcohol",
    "whiskey": "alcohol", "gin": "alcohol", "rum": "alcohol", "tequila": "alcohol",
    "cider": "alcohol", "sake": "alcohol", "ale": "alcohol", "lager": "alcohol",
    "champagne": "alcohol", "brandy": "alcohol", "alcool": "alcohol",
    // Gabapentinoids
    "neurontin": "gabapentin", "gabbies": "gabapentin", "lyrica": "pregabalin",
    // GHB
    "g": "ghb", "gina": "ghb", "liquid ecstasy": "ghb", "1,4-bd": "1,4-butanediol",
    "bdo": "1,4-butanediol",
    // Other depressants
    "ambien": "zolpidem", "stilnox": "zolpidem", "imovane": "zopiclone", "lunesta": "eszopiclone",
    "soma": "carisoprodol", "quaaludes": "methaqualone", "barbiturates": "phenobarbital",
    // MAOIs
    "nardil": "phenelzine", "parnate": "tranylcypromine", "aurorix": "moclobemide",
    "marplan": "isocarboxazid", "emsam": "selegiline", "harmala": "harmala alkaloids",
    "harmaline": "harmala alkaloids", "harmine": "harmala alkaloids", "aya": "ayahuasca",
    "peganum harmala": "syrian rue", "rue": "syrian rue",
    // MDMA
    "molly": "mdma", "ecstasy": "mdma", "xtc": "mdma", "e": "mdma", "mandy": "mdma",
    "pingers": "mdma", "emma": "mdma",
    // Serotonergic antidepressants
    "zoloft": "sertraline", "lustral": "sertraline", "prozac": "fluoxetine",
    "celexa": "citalopram", "cipramil": "citalopram", "lexapro": "escitalopram",
    "cipralex": "escitalopram", "paxil": "paroxetine", "seroxat": "paroxetine",
    "luvox": "fluvoxamine", "effexor": "venlafaxine", "pristiq": "desvenlafaxine",
    "cymbalta": "duloxetine",
    // DXM
    "dxm": "dextromethorphan", "robitussin": "dextromethorphan", "robo": "dextromethorphan",
    // Amphetamines
    "speed": "amphetamine", "amph": "amphetamine", "amphetamines": "amphetamine",
    "adderall": "amphetamine", "dextroamphetamine": "dexamphetamine",
    "dexedrine": "dexamphetamine", "meth": "methamphetamine", "crystal meth": "methamphetamine",
    "crystal": "methamphetamine", "ice": "methamphetamine", "tina": "methamphetamine",
    "vyvanse": "lisdexamfetamine", "elvanse": "lisdexamfetamine",
    // Cocaine
    "coke": "cocaine", "crack": "cocaine", "blow": "cocaine", "charlie": "cocaine",
    "crack cocaine": "cocaine",
    // Cannabis
    "weed": "cannabis", "marijuana": "cannabis", "marihuana": "cannabis", "pot": "cannabis",
    "hash": "cannabis", "hashish": "cannabis", "grass": "cannabis", "ganja": "cannabis",
    "skunk": "cannabis", "thc": "cannabis", "bud": "cannabis",
    // Ketamine
    "k": "ketamine", "ket": "ketamine", "ketty": "ketamine", "special k": "ketamine",
  ]
}
