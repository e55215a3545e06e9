package vn.province.govtrack.simulator.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import vn.province.govtrack.simulator.benchmark.DemoResults.Run;

/**
 * The chart of {@code docs/benchmarks/demo.svg}: six panels of bars, one colour per size, each bar
 * labelled with its value — the loading rates, the projections' p99 lag while loading, their rebuild
 * rates, the queries' p99, and the data directory and heaps. A figure a size did not measure has no
 * bar, and says so.
 */
final class DemoChart {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2"};
    private static final int COLUMNS = 3;
    private static final int PANEL_WIDTH = 380;
    private static final int PANEL_HEIGHT = 290;
    private static final int PLOT_HEIGHT = 170;
    private static final int TOP = 50;
    private static final double MIB = 1024 * 1024;

    private record Series(String name, ToDoubleFunction<Run> value) {
    }

    private record Panel(String title, List<Series> series) {
    }

    private DemoChart() {
    }

    static String svg(DemoResults r) {
        List<Panel> panels = panels(r);
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        int width = PANEL_WIDTH * COLUMNS + 20;
        int height = TOP + rows * PANEL_HEIGHT + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                                              + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                                 width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                                 escape("Demo province: " + String.join(" vs ", r.runs().stream()
                                         .map(run -> run.label() + " (" + DemoReport.thousands(run.dossiers())
                                                     + " dossiers, " + run.days() + " days, "
                                                     + (run.importedDossiers() ? "import" : "HTTP") + ")")
                                         .toList()))));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"36\" fill=\"#555\">%s</text>%n",
                                 escape(r.machine().cores() + " cores, load average " + r.machine().loadAtStart()
                                        + " at the start; one colour per size; no bar: not measured at that size")));
        for (int p = 0; p < panels.size(); p++) {
            panel(svg, panels.get(p), r.runs(), 10 + (p % COLUMNS) * PANEL_WIDTH, TOP + (p / COLUMNS) * PANEL_HEIGHT);
        }
        for (int i = 0; i < r.runs().size(); i++) {
            int x = 10 + i * 200;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                                                  + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, height - 22,
                                     COLOURS[i % COLOURS.length], x + 16, height - 12,
                                     escape(r.runs().get(i).label() + " " + DemoReport.thousands(r.runs().get(i).dossiers())
                                            + " dossiers")));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static List<Panel> panels(DemoResults r) {
        List<Series> lag = new ArrayList<>();
        lag.add(new Series("all", run -> run.lag().all().p99()));
        for (String projection : DemoFigures.projections(r)) {
            lag.add(new Series(projection, run -> {
                DemoResults.Spread spread = run.lag().byProjection().get(projection);
                return spread == null ? Double.NaN : spread.p99();
            }));
        }
        List<Series> memory = new ArrayList<>();
        memory.add(new Series("data dir, stopped", run -> run.storage().stoppedBytes() / MIB));
        for (String jvm : DemoFigures.jvms(r)) {
            memory.add(new Series("heap " + jvm, DemoFigures.heap(jvm, true)));
        }
        return List.of(
                new Panel("Seeding through the API, commands/s", List.of(
                        new Series("all commands", run -> run.seeding().commandsPerSecond()),
                        new Series("dossier phase", run -> orNaN(run.seeding().dossierCommandsPerSecond())))),
                new Panel("Import of the dossiers, events/s", List.of(
                        new Series("import itself", run -> run.imported() == null ? Double.NaN
                                : run.imported().eventsPerSecond()),
                        new Series("importer wall time", run -> run.imported() == null ? Double.NaN
                                : run.imported().eventsPerWallSecond()))),
                new Panel("Projection lag while loading, p99, s", lag),
                new Panel("Projection rebuild, events/s", DemoFigures.rebuilt(r).stream()
                        .map(name -> new Series(name, run -> DemoFigures.rebuild(run, name)
                                .map(DemoResults.Rebuild::eventsPerSecond).orElse(Double.NaN)))
                        .toList()),
                new Panel("Queries, p99, ms (worst of each kind)", List.of(
                        new Series("/timeliness", run -> DemoFigures.worstP99(run, "/timeliness by")),
                        new Series("/timeliness/ranking", run -> DemoFigures.worstP99(run, "/timeliness/ranking")),
                        new Series("overdue", run -> DemoFigures.worstP99(run, "/dossiers?overdue")),
                        new Series("due in 24 h", run -> DemoFigures.worstP99(run, "/dossiers?dueWithin")),
                        new Series("/personnel/audit", run -> DemoFigures.worstP99(run, "/personnel/audit")))),
                new Panel("Data directory and largest heap used, MiB", memory));
    }

    private static void panel(StringBuilder svg, Panel panel, List<Run> runs, int x, int y) {
        int width = PANEL_WIDTH - 20;
        int plotTop = y + 24;
        int baseline = plotTop + PLOT_HEIGHT;
        double max = 0;
        for (Series series : panel.series()) {
            for (Run run : runs) {
                double value = series.value().applyAsDouble(run);
                max = Double.isNaN(value) ? max : Math.max(max, value);
            }
        }
        max = max <= 0 ? 1 : niceCeiling(max);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x, y + 10,
                                 escape(panel.title())));
        for (int tick = 0; tick <= 4; tick++) {
            int ty = baseline - (int) Math.round(PLOT_HEIGHT * tick / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                                                  + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">%s</text>%n",
                                     x + 45, ty, x + width, ty, x + 41, ty + 4, escape(shortNumber(max * tick / 4))));
        }
        double groupWidth = (width - 55) / (double) Math.max(1, panel.series().size());
        double barWidth = Math.min(28, (groupWidth - 6) / Math.max(1, runs.size()));
        for (int s = 0; s < panel.series().size(); s++) {
            Series series = panel.series().get(s);
            double groupX = x + 50 + s * groupWidth;
            for (int i = 0; i < runs.size(); i++) {
                double value = series.value().applyAsDouble(runs.get(i));
                double bx = groupX + 3 + i * barWidth;
                String label = Double.isNaN(value) ? "–" : shortNumber(value);
                int barHeight = Double.isNaN(value) ? 0 : (int) Math.round(PLOT_HEIGHT * value / max);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                                                      + "fill=\"%s\"><title>%s</title></rect>%n",
                                         bx, baseline - barHeight, barWidth - 2, barHeight, COLOURS[i % COLOURS.length],
                                         escape(series.name() + ", " + runs.get(i).label() + ": "
                                                + (Double.isNaN(value) ? "not measured" : label))));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"8\">"
                                                      + "%s</text>%n", bx + (barWidth - 2) / 2, baseline - barHeight - 3,
                                         escape(label)));
            }
            double labelX = groupX + groupWidth / 2;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" "
                                                  + "transform=\"rotate(-35 %.1f %d)\">%s</text>%n",
                                     labelX, baseline + 14, labelX, baseline + 14, escape(series.name())));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                                 x + 45, baseline, x + width, baseline));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        // steps whose quarters, the grid lines, are round numbers
        for (double step : new double[] {1, 2, 4, 6, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String shortNumber(double value) {
        if (value == 0) {
            return "0";
        }
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1000);
        }
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%.1fk", value / 1000);
        }
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
