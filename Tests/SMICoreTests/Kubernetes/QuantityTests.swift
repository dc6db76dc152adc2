import SMICore
import Testing

@Suite struct QuantityTests {
    @Test(arguments: [
        ("1", "1"), ("500m", "0.5"), ("1500m", "1.5"), ("0m", "0"), ("10m", "0.01"), ("100m", "0.1"),
        ("2k", "2000"), ("1Ki", "1024"), ("1.5Gi", "1610612736"), ("2e3", "2000"), ("25E-2", "0.25"),
        ("-1.5", "-1.5"), ("+3", "3"), (".5", "0.5"), ("5.", "5"), ("3n", "0.000000003"), ("7u", "0.000007"),
        ("1E", "1000000000000000000")
    ])
    func parsesExactly(text: String, canonical: String) throws {
        #expect(try Quantity(parsing: text).description == canonical)
    }

    @Test(arguments: ["", "m", "10 percent", "1.2.3", "1x", "Ki", "1Kib", "0x10", "1e", "99999999999999999999"])
    func rejectsWhatIsNotAQuantity(text: String) {
        #expect(throws: Quantity.ParseError.self) { try Quantity(parsing: text) }
    }

    @Test func comparesByValue() throws {
        #expect(try Quantity(parsing: "1") == Quantity(parsing: "1000m"))
        #expect(try Quantity(parsing: "500m") < Quantity(parsing: "1"))
        #expect(try Quantity(parsing: "1Ki") > Quantity(parsing: "1k"))
        #expect(try Quantity(parsing: "2").integerValue == 2)
        #expect(try Quantity(parsing: "2500m").integerValue == nil)
    }

    @Test func integerRatiosKeepTheExactShares() throws {
        let weights = try ["1", "500m", "250m", "0"].map { try Quantity(parsing: $0) }
        #expect(Quantity.integerRatio(weights) == [4, 2, 1, 0])
        #expect(Quantity.integerRatio([Quantity(90), Quantity(10)]) == [9, 1])
        #expect(try Quantity.integerRatio([Quantity(parsing: "1"), Quantity(parsing: "1m")]) == [1000, 1])
        #expect(Quantity.integerRatio([Quantity(0), Quantity(0)]) == [0, 0])
        #expect(try Quantity.integerRatio([Quantity(parsing: "-1"), Quantity(1)]) == nil)
        #expect(try Quantity.integerRatio([Quantity(parsing: "1E"), Quantity(parsing: "1n")]) == nil)
    }
}
