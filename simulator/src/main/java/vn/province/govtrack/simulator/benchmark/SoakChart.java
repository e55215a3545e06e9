package vn.province.govtrack.simulator.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import vn.province.govtrack.simulator.benchmark.SoakResults.ProcessSample;
import vn.province.govtrack.simulator.benchmark.SoakResults.Sample;

/**
 * The chart of {@code docs/benchmarks/soak.svg}: one panel per figure over the soak's minutes, one
 * line per process or per kind, every axis from 0 so that a flat line looks flat and a slope looks
 * like one. The second and last quarters, which the verdicts compare ({@link Flatness}), are shaded.
 * The heap after a full collection is drawn with dots: it is known only where one was asked for.
 */
final class SoakChart {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"};
    private static final int COLUMNS = 3;
    private static final int PANEL_WIDTH = 400;
    private static final int PANEL_HEIGHT = 250;
    private static final int PLOT_WIDTH = 330;
    private static final int PLOT_HEIGHT = 150;
    private static final int TOP = 56;

    private record Line(String name, List<Flatness.Point> points, boolean dots) {
    }

    private record Panel(String title, List<Line> lines) {
    }

    private SoakChart() {
    }

    static String svg(SoakResults r) {
        List<Panel> panels = panels(r);
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        int width = PANEL_WIDTH * COLUMNS + 20;
        int height = TOP + rows * PANEL_HEIGHT + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                                              + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                                 width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        SoakResults.Parameters p = r.parameters();
        text(svg, 10, 20, "font-size=\"14\" font-weight=\"bold\"", String.format(Locale.ROOT,
                "Soak: %.0f min at %.0f commands/s (%s) and %.0f queries/s — %s", p.minutes(), p.commandsPerSecond(),
                p.rateGiven() ? "as given" : String.format(Locale.ROOT, "half the measured %.0f",
                                                           r.capacity().commandsPerSecond()),
                p.queriesPerSecond(), r.flat() ? "every verdict flat" : "NOT every verdict flat"));
        text(svg, 10, 38, "fill=\"#555\"", String.format(Locale.ROOT,
                "%d cores, %,d MiB; load average (1 min) during the soak %s–%s, median %s; shaded: the quarters "
                + "the verdicts compare; x: minutes", r.machine().cores(), r.machine().memoryMib(),
                Flatness.format(r.steady().loadAverage1()[0]), Flatness.format(r.steady().loadAverage1()[2]),
                Flatness.format(r.steady().loadAverage1()[1])));
        double minutes = p.minutes();
        for (int i = 0; i < panels.size(); i++) {
            panel(svg, panels.get(i), minutes, 10 + (i % COLUMNS) * PANEL_WIDTH, TOP + (i / COLUMNS) * PANEL_HEIGHT);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static List<Panel> panels(SoakResults r) {
        List<Sample> s = r.samples();
        List<String> jvms = s.isEmpty() ? List.of() : List.copyOf(s.get(0).processes().keySet());
        List<Panel> panels = new ArrayList<>();
        List<Line> heap = new ArrayList<>();
        for (String jvm : jvms) {
            heap.add(new Line(jvm + ", after any GC", perProcess(s, jvm, ProcessSample::heapAfterGcMib, false), false));
        }
        for (String jvm : jvms) {
            heap.add(new Line(jvm + ", after full GC", perProcess(s, jvm, ProcessSample::heapAfterFullGcMib, true),
                              true));
        }
        panels.add(new Panel("Heap after GC (MiB)", heap));
        panels.add(new Panel("Threads", byProcess(s, jvms, ProcessSample::threads)));
        panels.add(new Panel("Open file descriptors", byProcess(s, jvms, ProcessSample::openFiles)));
        List<Line> connections = new ArrayList<>();
        for (String jvm : jvms) {
            connections.add(new Line("to " + jvm, perProcess(s, jvm, ProcessSample::serverConnections, false), false));
        }
        for (String jvm : jvms) {
            List<Flatness.Point> pool = perProcess(s, jvm, ProcessSample::poolSize, false);
            if (pool.stream().anyMatch(point -> !Double.isNaN(point.value()))) {
                connections.add(new Line(jvm + " MongoDB pool", pool, false));
            }
        }
        panels.add(new Panel("Open TCP connections", connections));
        panels.add(new Panel("Resident memory (MiB)", byProcess(s, jvms, ProcessSample::rssMib)));
        panels.add(new Panel("Data directory (MiB)", List.of(
                new Line("data directory", series(s, sample -> sample.dataDirectoryBytes() / 1024.0 / 1024.0), false))));
        panels.add(new Panel("Data directory growth per event, per interval (bytes)", List.of(
                new Line("bytes per event", series(s, Sample::bytesPerEvent), false))));
        panels.add(new Panel("Command latency (ms)", List.of(new Line("p50", series(s, Sample::commandP50), false),
                                                             new Line("p99", series(s, Sample::commandP99), false))));
        panels.add(new Panel("Query latency (ms)", List.of(new Line("p50", series(s, Sample::queryP50), false),
                                                           new Line("p99", series(s, Sample::queryP99), false))));
        panels.add(new Panel("Answered per second", List.of(
                new Line("commands", series(s, Sample::commandsPerSecond), false),
                new Line("queries", series(s, Sample::queriesPerSecond), false))));
        panels.add(new Panel("Backlog", List.of(
                new Line("events behind projections", series(s, sample -> sample.eventsBehind()), false),
                new Line("dossiers waiting to start", series(s, sample -> sample.dossiersWaiting()), false),
                new Line("dossiers in flight", series(s, sample -> sample.dossiersInFlight()), false))));
        panels.add(new Panel("Machine load average (1 min)", List.of(
                new Line("load", series(s, Sample::loadAverage1), false))));
        return panels;
    }

    private static List<Line> byProcess(List<Sample> samples, List<String> jvms, ToDoubleFunction<ProcessSample> value) {
        return jvms.stream().map(jvm -> new Line(jvm, perProcess(samples, jvm, value, false), false)).toList();
    }

    private static List<Flatness.Point> perProcess(List<Sample> samples, String jvm,
                                                   ToDoubleFunction<ProcessSample> value, boolean fullGcOnly) {
        return samples.stream().filter(sample -> !fullGcOnly || sample.fullGc())
                .map(sample -> new Flatness.Point(sample.seconds(), sample.processes().get(jvm) == null ? Double.NaN
                        : value.applyAsDouble(sample.processes().get(jvm)))).toList();
    }

    static List<Flatness.Point> series(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return samples.stream().map(sample -> new Flatness.Point(sample.seconds(), value.applyAsDouble(sample))).toList();
    }

    private static void panel(StringBuilder svg, Panel panel, double minutes, int x, int y) {
        int left = x + 50;
        int top = y + 24;
        int bottom = top + PLOT_HEIGHT;
        double max = panel.lines().stream().flatMap(line -> line.points().stream()).mapToDouble(Flatness.Point::value)
                .filter(v -> !Double.isNaN(v) && !Double.isInfinite(v)).max().orElse(1);
        double min = panel.lines().stream().flatMap(line -> line.points().stream()).mapToDouble(Flatness.Point::value)
                .filter(v -> !Double.isNaN(v) && !Double.isInfinite(v)).min().orElse(0);
        double yMax = niceCeiling(max <= 0 ? 1 : max * 1.1);
        // below 0 only for a figure that can fall, such as the store's growth when it compacts
        double yMin = min < 0 ? -yMax * Math.ceil(-min / yMax * 4) / 4 : 0;
        double xMax = Math.max(minutes, 1e-9);
        text(svg, x, y + 14, "font-weight=\"bold\"", panel.title());
        for (double quarter : new double[] {0.25, 0.75}) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                                                  + "fill=\"#eee\"/>%n", left + quarter * PLOT_WIDTH, top,
                                     PLOT_WIDTH / 4.0, PLOT_HEIGHT));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                                 left, bottom, left + PLOT_WIDTH, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                                 left, top, left, bottom));
        for (int tick = 0; tick <= 4; tick++) {
            double value = yMin + (yMax - yMin) * tick / 4;
            double ty = bottom - PLOT_HEIGHT * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                                     left, ty, left + PLOT_WIDTH, ty));
            text(svg, left - 4, (int) ty + 4, "text-anchor=\"end\" fill=\"#555\"", Flatness.format(value));
            double minute = xMax * tick / 4;
            text(svg, left + PLOT_WIDTH * tick / 4, bottom + 14, "text-anchor=\"middle\" fill=\"#555\"",
                 String.format(Locale.ROOT, minute == Math.rint(minute) ? "%.0f" : "%.1f", minute));
        }
        for (int i = 0; i < panel.lines().size(); i++) {
            Line line = panel.lines().get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (Flatness.Point point : line.points()) {
                if (Double.isNaN(point.value()) || Double.isInfinite(point.value())) {
                    continue;
                }
                double px = left + PLOT_WIDTH * Math.min(1, point.seconds() / 60 / xMax);
                double py = bottom - PLOT_HEIGHT * Math.min(1, (point.value() - yMin) / (yMax - yMin));
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                if (line.dots()) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                                             px, py, colour));
                }
            }
            if (!path.isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                                         path, colour, line.dots() ? "1" : "1.5",
                                         line.dots() ? " stroke-dasharray=\"4 3\"" : ""));
            }
            int legendY = bottom + 28 + (i / 2) * 13;
            int legendX = x + 10 + (i % 2) * 190;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                                     legendX, legendY - 9, colour));
            text(svg, legendX + 14, legendY, "", shortName(line.name()));
        }
    }

    /** A legend fits two to a row: "embedded MongoDB" is "MongoDB", "command side" is "command". */
    private static String shortName(String name) {
        return name.replace("embedded MongoDB", "MongoDB").replace(" side", "");
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value - 1e-12) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static void text(StringBuilder svg, int x, int y, String attributes, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attributes,
                                 text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
}
