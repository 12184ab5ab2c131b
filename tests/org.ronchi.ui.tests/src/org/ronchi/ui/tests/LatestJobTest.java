package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.ronchi.ui.slice.LatestJob;

/**
 * A burst of slider steps costs a few reads, and only the newest result reaches the UI thread; a
 * following job (the plot) hands its result over once the leading one's (the image) is on screen, or
 * after its waiting time.
 */
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

	@Test
	void aFollowerHandsOverAfterTheLeadingJobIsShownOrAfterItsWaitingTime() throws InterruptedException {
		try (Fixture fx = new Fixture(100, 100)) {
			List<String> order = new ArrayList<>();
			CountDownLatch read = new CountDownLatch(1);
			LatestJob<Integer, Integer> image = new LatestJob<Integer, Integer>("image", fx.display, (r, superseded) -> {
				read.await();
				return r;
			}, (r, v) -> order.add("image " + v), (r, e) -> order.add("image failed")).leads();
			LatestJob<Integer, Integer> plot = new LatestJob<Integer, Integer>("plot", fx.display, (r, superseded) -> r,
					(r, v) -> order.add("plot " + v), (r, e) -> order.add("plot failed")).follows(60_000);
			image.submit(1);
			plot.submit(1);
			long end = System.currentTimeMillis() + 300;
			fx.pump(() -> System.currentTimeMillis() > end, 10_000, "a pause");
			assertEquals(List.of(), order, "the plot's result is ready, but the image is still being read");
			read.countDown();
			fx.pump(image::idle, 10_000, "the image");
			long later = System.currentTimeMillis() + 300;
			fx.pump(() -> System.currentTimeMillis() > later, 10_000, "a pause");
			assertEquals(List.of("image 1"), order, "the image is handed over, but not yet painted");
			image.shown();
			fx.pump(plot::idle, 10_000, "the plot");
			assertEquals(List.of("image 1", "plot 1"), order, "the plot once the image is on screen");

			CountDownLatch slow = new CountDownLatch(1);
			LatestJob<Integer, Integer> slowImage = new LatestJob<Integer, Integer>("slow image", fx.display, (r, superseded) -> {
				slow.await();
				return r;
			}, (r, v) -> order.add("slow image " + v), (r, e) -> order.add("slow image failed")).leads();
			LatestJob<Integer, Integer> quickPlot = new LatestJob<Integer, Integer>("plot", fx.display, (r, superseded) -> r,
					(r, v) -> order.add("quick plot " + v), (r, e) -> order.add("quick plot failed")).follows(50);
			slowImage.submit(2);
			quickPlot.submit(2);
			fx.pump(quickPlot::idle, 10_000, "the plot after its waiting time");
			assertEquals(List.of("image 1", "plot 1", "quick plot 2"), order, "a slow image does not hold the plot back");
			slowImage.cancel();
			slow.countDown();
		}
	}
}
