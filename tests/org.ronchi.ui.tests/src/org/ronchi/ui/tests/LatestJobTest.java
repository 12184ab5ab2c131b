package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronchi.ui.slice.LatestJob;

/** A burst of slider steps costs a few reads, and only the newest result reaches the UI thread. */
class LatestJobTest {

	@Test
	void onlyTheNewestRequestIsDelivered() {
		try (Fixture fx = new Fixture(100, 100)) {
			List<Integer> delivered = new ArrayList<>();
			List<String> threads = new ArrayList<>();
			LatestJob<Integer, Integer> job = new LatestJob<>("test", fx.display, (r, superseded) -> {
				Thread.sleep(20); // a read
				threads.add(Thread.currentThread().getName());
				return r * 2;
			}, (r, v) -> delivered.add(v), (r, e) -> delivered.add(-1));
			Thread ui = Thread.currentThread();
			for (int i = 1; i <= 200; i++) {
				job.submit(i);
			}
			fx.pump(job::idle, 10_000, "the last request");
			assertEquals(List.of(400), delivered, "stale results are dropped");
			assertTrue(job.runs() <= 3, "200 requests, " + job.runs() + " reads");
			assertTrue(threads.stream().noneMatch(t -> t.equals(ui.getName())), "work runs off the UI thread: " + threads);
		}
	}

	@Test
	void errorsOfTheNewestRequestAreDelivered() {
		try (Fixture fx = new Fixture(100, 100)) {
			List<String> errors = new ArrayList<>();
			LatestJob<Integer, Integer> job = new LatestJob<>("test", fx.display, (r, superseded) -> {
				throw new IllegalStateException("bad " + r);
			}, (r, v) -> errors.add("ok"), (r, e) -> errors.add(e.getMessage()));
			job.submit(7);
			fx.pump(job::idle, 10_000, "the error");
			assertEquals(List.of("bad 7"), errors);
		}
	}
}
