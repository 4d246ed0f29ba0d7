// Truncated SVD for LSA over sparse document rows (plain TypeScript): shared by lsa-study.ts and gate-study.ts
// (bench/README.md "A semantic signal learned from the knowledge base: LSA", session 18 `lsa`).

/** Deterministic standard normal numbers (mulberry32 + Box–Muller). */
function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
}

/** Sparse rows: term indexes and weights. */
export interface SparseRow { terms: Int32Array; weights: Float64Array }

/** Y (n × l, column-major) = A X, X (V × l column-major). */
function multiply(rows: SparseRow[], x: Float64Array, vocabulary: number, l: number): Float64Array {
  const n = rows.length;
  const y = new Float64Array(n * l);
  rows.forEach((row, i) => {
    for (let p = 0; p < row.terms.length; p++) {
      const t = row.terms[p]!;
      const w = row.weights[p]!;
      for (let j = 0; j < l; j++) y[j * n + i] = y[j * n + i]! + w * x[j * vocabulary + t]!;
    }
  });
  return y;
}

/** X (V × l, column-major) = Aᵀ Y, Y (n × l column-major). */
function multiplyTransposed(rows: SparseRow[], y: Float64Array, vocabulary: number, l: number): Float64Array {
  const n = rows.length;
  const x = new Float64Array(vocabulary * l);
  rows.forEach((row, i) => {
    for (let p = 0; p < row.terms.length; p++) {
      const t = row.terms[p]!;
      const w = row.weights[p]!;
      for (let j = 0; j < l; j++) x[j * vocabulary + t] = x[j * vocabulary + t]! + w * y[j * n + i]!;
    }
  });
  return x;
}

/** Modified Gram–Schmidt on the l columns (length m) of a column-major matrix, in place. */
function orthonormalize(a: Float64Array, m: number, l: number): void {
  for (let j = 0; j < l; j++) {
    const cj = a.subarray(j * m, (j + 1) * m);
    for (let k = 0; k < j; k++) {
      const ck = a.subarray(k * m, (k + 1) * m);
      let dot = 0;
      for (let i = 0; i < m; i++) dot += ck[i]! * cj[i]!;
      for (let i = 0; i < m; i++) cj[i] = cj[i]! - dot * ck[i]!;
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += cj[i]! * cj[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < m; i++) cj[i] = cj[i]! / norm;
  }
}

/** Eigen-decomposition of a symmetric l × l matrix (row-major) by cyclic Jacobi: values and column eigenvectors. */
function symmetricEigen(input: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i]!;
  return { values, vectors: v };
}

/**
 * Rank-k truncated SVD of A (n × V, sparse rows): documents U_k Σ_k (n × k, row-major), terms V_k (V × k, row-major)
 * and the singular values.
 */
export function truncatedSvd(rows: SparseRow[], vocabulary: number, k: number, seed = 13): { documents: Float64Array; terms: Float64Array; singular: Float64Array; k: number } {
  const n = rows.length;
  const l = Math.min(k + 10, n, vocabulary);
  k = Math.min(k, l);
  const random = gaussian(seed);
  const omega = new Float64Array(vocabulary * l).map(() => random());
  let y = multiply(rows, omega, vocabulary, l);
  orthonormalize(y, n, l);
  for (let iteration = 0; iteration < 2; iteration++) {
    const z = multiplyTransposed(rows, y, vocabulary, l);
    orthonormalize(z, vocabulary, l);
    y = multiply(rows, z, vocabulary, l);
    orthonormalize(y, n, l);
  }
  // B = Qᵀ A; B Bᵀ = Qᵀ A Aᵀ Q = Cᵀ C with C = Aᵀ Q (V × l).
  const c = multiplyTransposed(rows, y, vocabulary, l);
  const gram = new Float64Array(l * l);
  for (let i = 0; i < l; i++) {
    for (let j = i; j < l; j++) {
      let dot = 0;
      const ci = c.subarray(i * vocabulary, (i + 1) * vocabulary);
      const cj = c.subarray(j * vocabulary, (j + 1) * vocabulary);
      for (let t = 0; t < vocabulary; t++) dot += ci[t]! * cj[t]!;
      gram[i * l + j] = dot;
      gram[j * l + i] = dot;
    }
  }
  const { values, vectors } = symmetricEigen(gram, l);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, k);
  const singular = Float64Array.from(order, (index) => Math.sqrt(Math.max(0, values[index]!)));
  // U = Q W (n × k); V_k = Aᵀ U Σ⁻¹ = C W Σ⁻¹.
  const documents = new Float64Array(n * k);
  const terms = new Float64Array(vocabulary * k);
  order.forEach((index, d) => {
    const s = singular[d]! || 1;
    for (let j = 0; j < l; j++) {
      const w = vectors[j * l + index]!;
      if (w === 0) continue;
      for (let i = 0; i < n; i++) documents[i * k + d] = documents[i * k + d]! + y[j * n + i]! * w * s;
      for (let t = 0; t < vocabulary; t++) terms[t * k + d] = terms[t * k + d]! + (c[j * vocabulary + t]! * w) / s;
    }
  });
  return { documents, terms, singular, k };
}
