import SMICore
import Testing

/// Boolean annotations read as the meshes' Go injectors read them (`strconv.ParseBool`).
@Suite struct AnnotationBoolTests {
    @Test func readsEverySpellingGoTakes() {
        for text in ["1", "t", "T", "true", "True", "TRUE"] { #expect(text.annotationBool == true, "\(text)") }
        for text in ["0", "f", "F", "false", "False", "FALSE"] { #expect(text.annotationBool == false, "\(text)") }
    }

    /// What Go refuses is neither: the injector then ignores or rejects it, never reads it as set.
    @Test func refusesWhatGoRefuses() {
        for text in ["yes", "no", "enabled", "tRUE", " true", "", "2"] {
            #expect(text.annotationBool == nil, "\(text)")
        }
    }
}
