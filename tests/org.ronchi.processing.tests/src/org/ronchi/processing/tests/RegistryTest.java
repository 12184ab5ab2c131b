package org.ronchi.processing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.ronchi.processing.Operation;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.Schemas;
import org.ronchi.processing.internal.OperationRegistryImpl;

/**
 * Operations reach the registry only as services. Under OSGi (./ronchi test) this test registers an
 * extra Operation service from the test bundle and finds it through the running OperationRegistry
 * service, with no change to the engine; on the flat classpath of dev/quicktest it drives the same
 * bind/unbind methods SCR calls.
 */
class RegistryTest {

	@Test
	void anOperationContributedAsAServiceIsListed() throws Exception {
		Bundle b = FrameworkUtil.getBundle(RegistryTest.class);
		if (b != null && b.getBundleContext() != null) {
			osgi(b.getBundleContext());
			return;
		}
		OperationRegistryImpl reg = new OperationRegistryImpl();
		assertNull(reg.find("test.frame-stats"));
		FrameStats extra = new FrameStats();
		reg.addOperation(extra, Map.of());
		assertSame(extra, reg.get("test.frame-stats"));
		reg.removeOperation(extra);
		assertNull(reg.find("test.frame-stats"));
	}

	private static void osgi(BundleContext ctx) throws Exception {
		ServiceReference<OperationRegistry> ref = null;
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while ((ref = ctx.getServiceReference(OperationRegistry.class)) == null && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		assertNotNull(ref, "the OperationRegistry service is running");
		OperationRegistry reg = ctx.getService(ref);
		FrameStats extra = new FrameStats();
		Dictionary<String, Object> props = new Hashtable<>();
		ServiceRegistration<Operation> r = ctx.registerService(Operation.class, extra, props);
		try {
			assertSame(extra, reg.get("test.frame-stats"), "listed as soon as it is registered");
			assertTrue(reg.operations().stream().anyMatch(o -> o.id().equals("array.reduce")), "the bundle's own operations too");
		} finally {
			r.unregister();
			ctx.ungetService(ref);
		}
		assertNull(reg.find("test.frame-stats"), "gone when unregistered");
	}

	@Test
	void higherRankingWinsForOneId() {
		OperationRegistryImpl reg = new OperationRegistryImpl();
		FrameStats low = new FrameStats();
		FrameStats high = new FrameStats();
		reg.addOperation(low, Map.of());
		reg.addOperation(high, Map.of("service.ranking", 5));
		assertSame(high, reg.get("test.frame-stats"));
		assertEquals(1, reg.operations().size());
	}

	@Test
	void unknownIdsListTheKnownOnes() {
		OperationRegistry reg = OperationRegistry.of(List.of(new FrameStats()));
		ProcessingException x = assertThrows(ProcessingException.class, () -> reg.get("stem4d.nope"));
		assertEquals("unknown operation 'stem4d.nope'; known operations: test.frame-stats", x.getMessage());
	}

	@Test
	void schemasDescribeParameters() {
		String json = Schemas.json(List.of(new FrameStats()));
		assertTrue(json.contains("\"id\": \"test.frame-stats\""), json);
		assertTrue(json.contains("{\"name\": \"factor\", \"type\": \"number\", \"units\": \"\", \"required\": false, \"default\": 1.0, \"min\": 0.0, \"max\": 10.0"), json);
		com.google.gson.JsonParser.parseString(json);
		String text = Schemas.text(List.of(new FrameStats()));
		assertTrue(text.contains("factor: a number from 0 to 10, default 1.0 - multiplies the per-frame sums"), text);
	}
}
