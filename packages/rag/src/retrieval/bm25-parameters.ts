/** Okapi BM25 parameters (the usual defaults), shared by the SQL scorer and the in-memory index. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
