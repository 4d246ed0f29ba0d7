"use client";

import { createContext, useContext } from "react";

/** The API's public base URL (a server setting), for embed snippets and demo links. */
export const PublicUrlContext = createContext("");

export function usePublicUrl(): string {
  return useContext(PublicUrlContext);
}
