package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ronchi.core.internal.WriterRegistryImpl;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.model.DataFile;

/** The writer registry tracks writer services by id; unknown ids and options are named with the known ones. */
class WriterRegistryTest {

	private record Named(String id) implements FileWriter {
		@Override
		public String name() {
			return "format " + id;
		}

		@Override
		public List<String> extensions() {
			return List.of("x");
		}

		@Override
		public Set<Carries> carries() {
			return Set.of(Carries.SIGNALS);
		}

		@Override
		public List<String> write(DataFile file, Path out, Map<String, Object> options) {
			return List.of();
		}
	}

	@Test
	void writersComeAndGoAndTheHigherRankingWins() {
		WriterRegistryImpl reg = new WriterRegistryImpl();
		Named b = new Named("b");
		Named a1 = new Named("a");
		Named a2 = new Named("a");
		reg.addWriter(b, Map.of());
		reg.addWriter(a1, Map.of());
		reg.addWriter(a2, Map.of("service.ranking", 3));
		assertEquals(List.of("a", "b"), reg.writers().stream().map(FileWriter::id).toList());
		assertSame(a2, reg.get("a"));
		reg.removeWriter(a2);
		assertSame(a1, reg.get("a"));
		reg.removeWriter(b);
		assertNull(reg.find("b"));
		InvalidRequestException x = assertThrows(InvalidRequestException.class, () -> reg.get("tiff"));
		assertEquals("unsupported target format: tiff (installed: a)", x.getMessage());
	}

	@Test
	void unknownOptionsNameTheKnownOnes() {
		List<FormatOption> known = List.of(FormatOption.bool("compress", true, "deflate the data"));
		FormatOption.checkKnown(null, "X", Map.of("compress", false), known);
		InvalidRequestException x = assertThrows(InvalidRequestException.class,
				() -> FormatOption.checkKnown(Path.of("out.h5"), "X", Map.of("compres", false), known));
		assertEquals("out.h5: option compres: unknown X option; known: compress", x.getMessage());
		x = assertThrows(InvalidRequestException.class, () -> FormatOption.checkKnown(null, "Y", Map.of("a", 1), List.of()));
		assertEquals("option a: Y takes no options", x.getMessage());
	}
}
