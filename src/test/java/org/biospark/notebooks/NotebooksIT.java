package org.biospark.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Executes every Jupyter notebook in {@code notebooks/} headless with {@code notebooks/run.sh} (the Java kernel,
 * against the jars this build made) and checks what came out: no cell failed, every code cell ran, the analyses drew
 * their plots. Skipped when Jupyter is not installed, unless {@code BIOSPARK_REQUIRE_NOTEBOOKS} is set (CI sets it,
 * after installing Jupyter).
 */
class NotebooksIT {
    private static final Path PROJECT = Path.of(System.getProperty("biospark.project.dir", ".")).toAbsolutePath();
    private static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    /** Plots each notebook must show, at least. */
    private static final Map<String, Integer> PLOTS =
            Map.of("quick_tour.ipynb", 1, "alignment_analysis.ipynb", 4, "gene_set_analysis.ipynb", 3,
                    "sql_functions.ipynb", 1);

    @Test
    void everyNotebookRunsHeadless() throws IOException, InterruptedException {
        org.biospark.testing.Installed.orSkip(JUPYTER, "Jupyter", "BIOSPARK_REQUIRE_NOTEBOOKS",
                "the notebooks were not run");
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(PROJECT.resolve("notebooks"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(PLOTS.keySet(), notebooks.stream().map(p -> p.getFileName().toString())
                .collect(java.util.stream.Collectors.toSet()));
        for (Path notebook : notebooks) {
            assertStripped(notebook);
        }

        Path log = PROJECT.resolve("target/notebooks-run.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(PROJECT.resolve("notebooks/run.sh").toString())
                .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BIOSPARK_NO_BUILD", "1"); // the build under test made the jars
        Process run = builder.start();
        if (!run.waitFor(30, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            fail("the notebooks did not finish in 30 minutes; see " + log);
        }
        assertEquals(0, run.exitValue(), "notebooks/run.sh failed:\n" + Files.readString(log));

        for (Path notebook : notebooks) {
            String name = notebook.getFileName().toString();
            JsonNode executed = new ObjectMapper().readTree(PROJECT.resolve("target/notebooks").resolve(name).toFile());
            int images = 0;
            for (JsonNode cell : executed.get("cells")) {
                if (!cell.get("cell_type").asText().equals("code")) {
                    continue;
                }
                assertTrue(cell.get("execution_count").isNumber(), name + ": a cell did not run: " + cell.get("source"));
                for (JsonNode output : cell.get("outputs")) {
                    assertFalse(output.get("output_type").asText().equals("error"), name + ": " + output);
                    if (output.path("data").has("image/png")) {
                        images++;
                    }
                }
            }
            assertTrue(images >= PLOTS.get(name), name + " drew " + images + " plots, expected " + PLOTS.get(name));
        }
    }

    /** Notebooks are committed without outputs: what a reader sees comes from running them. */
    private static void assertStripped(Path notebook) throws IOException {
        for (JsonNode cell : new ObjectMapper().readTree(notebook.toFile()).get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                assertEquals(0, cell.get("outputs").size(), notebook + " is committed with outputs");
                assertTrue(cell.get("execution_count").isNull(), notebook + " is committed with execution counts");
            }
        }
    }
}
