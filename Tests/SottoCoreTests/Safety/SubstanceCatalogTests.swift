import SottoModel
import Testing

@testable import SottoCore

@Suite struct SubstanceCatalogTests {
  @Test(arguments: [
    ("Xanax ", "alprazolam", SubstanceClass.benzodiazepine),
    ("valium", "diazepam", .benzodiazepine),
    ("etizolam", "etizolam", .benzodiazepine),
    ("clonazepam", "clonazepam", .benzodiazepine),
    ("molly", "mdma", .mdma),
    ("Ecstasy", "mdma", .mdma),
    ("booze", "alcohol", .alcohol),
    ("beer", "alcohol", .alcohol),
    ("wine", "alcohol", .alcohol),
    ("heroin", "heroin", .opioid),
    ("fentanyl", "fentanyl", .opioid),
    ("oxycontin", "oxycodone", .opioid),
    ("methadone", "methadone", .opioid),
    ("suboxone", "buprenorphine", .opioid),
    ("tramadol", "tramadol", .tramadol),
    ("lyrica", "pregabalin", .gabapentinoid),
    ("gabapentin", "gabapentin", .gabapentinoid),
    ("gbl", "gbl", .ghb),
    ("zopiclone", "zopiclone", .otherDepressant),
    ("nardil", "phenelzine", .maoi),
    ("moclobemide", "moclobemide", .maoi),
    ("ayahuasca", "ayahuasca", .maoi),
    ("Syrian  Rue", "syrian rue", .maoi),
    ("prozac", "fluoxetine", .serotonergicAntidepressant),
    ("DXM", "dextromethorphan", .dxm),
    ("speed", "amphetamine", .amphetamine),
    ("crack", "cocaine", .cocaine),
  ])
  func aliasesMapToTheirSubstanceAndClass(alias: String, name: String, kind: SubstanceClass) {
    let known = SubstanceCatalog.lookup(alias)
    #expect(known?.name == name)
    #expect(known?.classes.contains(kind) == true)
  }

  @Test func tramadolIsAnOpioidThatAlsoActsOnSerotonin() {
    #expect(SubstanceCatalog.classes(of: "tramadol") == [.opioid, .tramadol])
  }

  /// Drinks are alcohol and street names of cannabis are cannabis, so reports and goals count
  /// them as one substance.
  @Test(arguments: [
    ("Wine", "alcohol"), ("beer", "alcohol"), ("vodka", "alcohol"), ("cider", "alcohol"),
    ("spirits", "alcohol"), ("sake", "alcohol"), ("weed", "cannabis"), ("Cannabis", "cannabis"),
    ("hash", "cannabis"), ("ket", "ketamine"),
  ])
  func drinksAndStreetNamesShareTheirSubstance(name: String, reference: String) {
    #expect(SubstanceCatalog.referenceName(name) == reference)
  }

  @Test func unknownSubstancesHaveNoClassAndKeepTheirCanonicalName() {
    #expect(SubstanceCatalog.lookup("Kratom") == nil)
    #expect(SubstanceCatalog.classes(of: "kratom").isEmpty)
    #expect(SubstanceCatalog.referenceName(" Kratom  Leaf ") == "kratom leaf")
  }

  @Test func classWordsAreSubstancesOfTheirClass() {
    #expect(SubstanceCatalog.classes(of: "benzos") == [.benzodiazepine])
    #expect(SubstanceCatalog.classes(of: "opiates") == [.opioid])
  }
}

@Suite struct CombinationTableTests {
  @Test(arguments: [
    ("heroin", "xanax", "opioid+benzodiazepine"),
    ("fentanyl", "clonazepam", "opioid+benzodiazepine"),
    ("oxycodone", "beer", "opioid+alcohol"),
    ("morphine", "pregabalin", "opioid+gabapentinoid"),
    ("methadone", "gabapentin", "opioid+gabapentinoid"),
    ("codeine", "ghb", "opioid+ghb"),
    ("buprenorphine", "zolpidem", "opioid+depressant"),
    ("wine", "valium", "alcohol+benzodiazepine"),
    ("booze", "gbl", "alcohol+ghb"),
    ("phenelzine", "molly", "maoi+mdma"),
    ("syrian rue", "ecstasy", "maoi+mdma"),
    ("moclobemide", "sertraline", "maoi+antidepressant"),
    ("tranylcypromine", "tramadol", "maoi+tramadol"),
    ("ayahuasca", "dxm", "maoi+dxm"),
    ("harmala", "speed", "maoi+amphetamine"),
    ("tramadol", "prozac", "tramadol+antidepressant"),
    ("tramadol", "mdma", "tramadol+mdma"),
    ("cocaine", "mdma", "cocaine+mdma"),
    ("coke", "adderall", "cocaine+amphetamine"),
  ])
  func knownPairsAreFoundInEitherOrder(first: String, second: String, id: String) {
    #expect(Combination.between(first, second)?.id == id)
    #expect(Combination.between(second, first)?.id == id)
  }

  @Test func harmlessOrUnlistedPairsGiveNothing() {
    #expect(Combination.between("alcohol", "cannabis") == nil)
    #expect(Combination.between("heroin", "fentanyl") == nil)
    #expect(Combination.between("beer", "wine") == nil)
    #expect(Combination.between("xanax", "alprazolam") == nil)
    #expect(Combination.between("coffee", "tea") == nil)
  }

  @Test func everyPairIsDocumentedWithASourceAndAnID() {
    #expect(Set(Combination.table.map(\.id)).count == Combination.table.count)
    for combination in Combination.table {
      #expect(!combination.source.isEmpty)
      #expect(combination.risk.hasPrefix("together they"))
    }
  }
}
