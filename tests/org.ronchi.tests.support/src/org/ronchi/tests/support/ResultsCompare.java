package org.ronchi.tests.support;

import java.nio.file.Path;

/**
 * Compares the datasets of two results files with h5py, as a user checking a replay would: the runs
 * (root groups, in name order) pair up, and within each pair every dataset has the same path, dtype,
 * shape and bytes ({@code numpy.array_equal}; variable-length point lists cell by cell). External links
 * (to the input) are not followed; attributes (times, machine) are not compared, nor the fields in which
 * a NeXus results file says when a run was made ({@code end_time}, {@code process/date}).
 */
public final class ResultsCompare {
	private static final String SCRIPT = """
			import sys, h5py, numpy as np
			a = h5py.File(sys.argv[1], 'r')
			b = h5py.File(sys.argv[2], 'r')
			ga = sorted(k for k in a if isinstance(a.get(k, getlink=True), h5py.HardLink))
			gb = sorted(k for k in b if isinstance(b.get(k, getlink=True), h5py.HardLink))
			assert len(ga) == len(gb), (ga, gb)
			n = 0
			for x, y in zip(ga, gb):
			    def walk(g, prefix=''):
			        out = {}
			        for k in g:
			            link = g.get(k, getlink=True)
			            if not isinstance(link, h5py.HardLink):
			                continue
			            o = g[k]
			            if isinstance(o, h5py.Dataset):
			                out[prefix + k] = o
			            else:
			                out.update(walk(o, prefix + k + '/'))
			        return out
			    # when the run was made: NeXus keeps it in fields of the entry and its NXprocess
			    when = {'end_time', 'start_time', 'process/date'}
			    da = {k: v for k, v in walk(a[x]).items() if k not in when}
			    db = {k: v for k, v in walk(b[y]).items() if k not in when}
			    assert sorted(da) == sorted(db), (x, sorted(da), sorted(db))
			    for k in da:
			        u, v = da[k], db[k]
			        assert u.dtype == v.dtype and u.shape == v.shape, (x, k, u.dtype, v.dtype, u.shape, v.shape)
			        p, q = u[()], v[()]
			        if u.dtype.kind == 'O':
			            same = all(np.asarray(s).tobytes() == np.asarray(t).tobytes() for s, t in zip(np.ravel(p), np.ravel(q)))
			        else:
			            same = np.asarray(p).tobytes() == np.asarray(q).tobytes()
			        assert same, (x + '/' + k, 'differs')
			        n += 1
			print('identical', n)
			""";

	private ResultsCompare() {
	}

	/**
	 * @return the number of datasets compared, all identical
	 * @throws AssertionError naming the first dataset that differs (skips the test without h5py)
	 */
	public static int sameDatasets(Path a, Path b) {
		Python.assumeModules("h5py", "numpy");
		String out = Python.check(SCRIPT, a.toString(), b.toString());
		if (!out.startsWith("identical ")) {
			throw new AssertionError("unexpected output of the comparison: " + out);
		}
		return Integer.parseInt(out.substring("identical ".length()).trim());
	}
}
