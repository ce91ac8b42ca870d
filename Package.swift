// swift-tools-version: 6.2
// Sotto: a private, encrypted journal of urges, use and goals.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)
import PackageDescription

let package = Package(
  name: "sotto",
  products: [
    .executable(name: "sotto", targets: ["sotto"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CSodium",
      pkgConfig: "libsodium",
      providers: [.apt(["libsodium-dev"])]
    ),
    // libpwquality (the library behind passwd's checks, with cracklib's dictionary) judges
    // new passphrases.
    .systemLibrary(
      name: "CPwquality",
      pkgConfig: "pwquality",
      providers: [.apt(["libpwquality-dev", "cracklib-runtime"])]
    ),
    .target(
      name: "CSottoSupport",
      linkerSettings: [.linkedLibrary("sqlite3")]
    ),
    .target(name: "SottoModel"),
    // The only importer of CSodium: secure memory, AEAD, Argon2id, sealed boxes,
    // secretstream, BLAKE2b. No C type appears in its public API.
    // CSottoSupport for one function: zeroing the vector registers after a key derivation.
    .target(name: "SottoCrypto", dependencies: ["CSodium", "CSottoSupport"]),
    // The only importer of GRDB and the only place with SQL: one file per table, one write
    // path for records. CSottoSupport for SQLite's defensive mode, which GRDB does not expose.
    .target(
      name: "SottoStorage",
      dependencies: [
        "CSottoSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .target(
      name: "SottoCore",
      dependencies: ["SottoModel", "SottoCrypto", "SottoStorage", "CPwquality", "CSottoSupport"]
    ),
    .target(name: "SottoAnalytics", dependencies: ["SottoModel"]),
    .executableTarget(
      name: "sotto",
      dependencies: [
        "SottoModel",
        "SottoCore",
        "SottoAnalytics",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks, run by hand with Scripts/bench; not part of the product.
    .executableTarget(
      name: "sotto-bench",
      dependencies: ["SottoModel", "SottoCore", "SottoAnalytics"]
    ),
    .testTarget(name: "SottoModelTests", dependencies: ["SottoModel"]),
    .testTarget(
      name: "SottoCoreTests",
      dependencies: [
        "SottoCore", "SottoModel", "SottoCrypto", "SottoStorage", "SottoAnalytics", "CSodium",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(name: "SottoAnalyticsTests", dependencies: ["SottoAnalytics", "SottoModel"]),
    .testTarget(name: "SottoCLITests", dependencies: ["sotto"]),
  ]
)

// Every target of ours: Swift 6 language mode (the tools default) and warnings as errors, so a
// warning is fixed when it appears rather than piling up.
for target in package.targets where target.type != .system {
  target.swiftSettings = (target.swiftSettings ?? []) + [.treatAllWarnings(as: .error)]
}
