package org.ronchi.headless.catalog;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.google.gson.JsonObject;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.RonchiException;

/**
 * {@code ronchi catalog}: walks folders and writes one {@link CatalogRecord} per file to every output.
 * <p>
 * Links are followed (a link back up the tree is not walked twice); a file reached through a link is
 * recorded under the link's path.
 * <p>
 * Memory stays bounded whatever the number of files: the walk is depth first (one open directory per
 * level), at most {@code 4 × threads} files are in flight (the walk waits for a slot), and each record is
 * written as soon as it is made. What grows with the number of files is the resume index of an existing
 * output (a path, size and time per record: ~20 MB for 100 000 files). Records are written in the order
 * files finish, which differs between runs with more than one thread.
 */
public final class Catalogue {

	/**
	 * @param roots     files and folders to catalogue
	 * @param recursive whether to descend into sub-folders (otherwise a folder's own files only)
	 * @param threads   files read at once
	 * @param original  whether records carry the vendor's original metadata
	 */
	public record Settings(List<Path> roots, boolean recursive, int threads, boolean original) {
	}

	/** What a run did; {@code unchanged} files were in every output already and were skipped. */
	public record Counts(long read, long unrecognised, long errors, long unchanged) {
		public long catalogued() {
			return read + unrecognised + errors;
		}
	}

	private final LoaderRegistry loaders;
	private final Settings settings;
	private final List<CatalogOutput> outputs;
	private final Progress progress;
	private final AtomicLong read = new AtomicLong();
	private final AtomicLong unrecognised = new AtomicLong();
	private final AtomicLong errors = new AtomicLong();
	private final AtomicLong unchanged = new AtomicLong();
	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private Catalogue(LoaderRegistry loaders, Settings settings, List<CatalogOutput> outputs, Progress progress) {
		this.loaders = loaders;
		this.settings = settings;
		this.outputs = outputs;
		this.progress = progress;
	}

	/**
	 * Catalogues, then publishes every output; on a failure (a root missing, a disk full) the outputs not
	 * yet published stay as they were.
	 *
	 * @throws RonchiException if a root does not exist or an output cannot be written
	 */
	public static Counts run(LoaderRegistry loaders, Settings settings, List<CatalogOutput> outputs, Progress progress) {
		Catalogue c = new Catalogue(loaders, new Settings(distinct(settings.roots(), settings.recursive()), settings.recursive(),
				settings.threads(), settings.original()), outputs, progress);
		try {
			for (Path root : settings.roots()) {
				if (!Files.exists(root)) {
					throw new RonchiException(root, null, "no such file or folder");
				}
			}
			c.walk();
			if (c.failure.get() != null) {
				throw c.failure.get();
			}
			outputs.forEach(CatalogOutput::commit);
		} catch (RuntimeException e) {
			outputs.forEach(CatalogOutput::abort);
			throw e;
		} finally {
			progress.finish();
		}
		return new Counts(c.read.get(), c.unrecognised.get(), c.errors.get(), c.unchanged.get());
	}

	/** The roots without repeats, and without those inside another when walking recursively: one record per file. */
	static List<Path> distinct(List<Path> roots, boolean recursive) {
		List<Path> abs = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
		if (!recursive) {
			return abs;
		}
		return abs.stream().filter(p -> abs.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q))).toList();
	}

	private void walk() {
		int threads = Math.max(1, settings.threads());
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "ronchi-catalog");
			t.setDaemon(true);
			return t;
		});
		Semaphore slots = new Semaphore(4 * threads);
		try {
			for (Path root : settings.roots()) {
				int depth = settings.recursive() ? Integer.MAX_VALUE : 1;
				Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
						if (attrs.isRegularFile() && outputs.stream().noneMatch(o -> o.owns(file))) {
							submit(pool, slots, file, FileKey.of(file, attrs));
						}
						return failure.get() == null ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException e) {
						if (e instanceof FileSystemLoopException) {
							return FileVisitResult.CONTINUE; // a link back up the tree: its files are walked already
						}
						// an unreadable folder or file is a record, as an unreadable file's content is
						FileKey key;
						try {
							key = FileKey.of(file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
						} catch (IOException noStat) {
							key = new FileKey(file.toAbsolutePath().normalize().toString(), 0, "");
						}
						write(key, CatalogRecord.unreadable(key, e));
						return FileVisitResult.CONTINUE;
					}
				});
			}
			pool.shutdown();
			while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
				// the last files are being read
			}
		} catch (IOException e) {
			throw new RonchiException(null, null, "cannot walk the folders: " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new RonchiException(null, null, "interrupted");
		} finally {
			pool.shutdownNow();
		}
	}

	private void submit(ExecutorService pool, Semaphore slots, Path file, FileKey key) {
		if (outputs.stream().allMatch(o -> o.unchanged(key))) {
			unchanged.incrementAndGet();
			return;
		}
		progress.found();
		slots.acquireUninterruptibly();
		pool.execute(() -> {
			try {
				write(key, CatalogRecord.of(loaders, file, key, settings.original()));
			} catch (RuntimeException e) {
				failure.compareAndSet(null, e); // only a failure to write the outputs reaches here
			} finally {
				slots.release();
			}
		});
	}

	private void write(FileKey key, JsonObject record) {
		String status = record.get("status").getAsString();
		if (CatalogRecord.READ.equals(status)) {
			read.incrementAndGet();
		} else if (CatalogRecord.UNRECOGNISED.equals(status)) {
			unrecognised.incrementAndGet();
		} else {
			errors.incrementAndGet();
		}
		synchronized (outputs) {
			for (CatalogOutput o : outputs) {
				o.add(key, record);
			}
		}
		progress.done(CatalogRecord.ERROR.equals(status));
	}
}
