package vn.province.govtrack.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static final String OLD = Report.SECTION_START + "\nold numbers\n" + Report.SECTION_END + "\n";

    @Test
    void aRerunReplacesOnlyItsOwnSection() {
        String page = "# Benchmarks\n\nintro\n\n" + OLD + "\n## Another benchmark\n\nkept\n";

        String rewritten = Report.replaceSection(page, "new numbers\n");

        assertThat(rewritten).isEqualTo("# Benchmarks\n\nintro\n\n" + Report.SECTION_START + "\nnew numbers\n"
                                        + Report.SECTION_END + "\n\n## Another benchmark\n\nkept\n");
    }

    @Test
    void aPageWithoutTheSectionGetsItAppended() {
        assertThat(Report.replaceSection("# Benchmarks\n\nhand-written\n", "numbers\n"))
                .isEqualTo("# Benchmarks\n\nhand-written\n\n" + Report.SECTION_START + "\nnumbers\n" + Report.SECTION_END + "\n");
    }

    @Test
    void aMissingPageIsCreatedWithATitle() {
        assertThat(Report.replaceSection(null, "numbers\n")).startsWith("# Benchmarks\n").endsWith(
                Report.SECTION_START + "\nnumbers\n" + Report.SECTION_END + "\n");
    }
}
