import { describe, expect, it } from "vitest";
import { sameStem } from "../answering/score-units";
import { normalizeSearchText } from "./search-normalization";
import { sameWordForm } from "./word-endings";
import { formPrefix } from "./word-forms";

// Pairs are written as visitors and documents write them and folded as the full-text index folds them.
const same = (a: string, b: string) => sameWordForm(normalizeSearchText(a.toLowerCase()), normalizeSearchText(b.toLowerCase()));

describe("sameWordForm (word-endings.ts)", () => {
  it("keeps every English pair sameStem makes", () => {
    for (const [a, b] of [["repository", "repositories"], ["create", "creates"], ["download", "downloading"], ["stop", "stopped"]] as const) {
      expect(sameStem(a, b)).toBe(true);
      expect(same(a, b)).toBe(true);
    }
  });

  it("pairs German, Spanish and French forms whose endings belong to one language's list", () => {
    expect(same("Datei", "Dateien")).toBe(true);
    expect(same("Befehl", "Befehlen")).toBe(true);
    expect(same("Änderung", "ändern")).toBe(true);
    expect(same("archivo", "archivos")).toBe(true);
    expect(same("copia", "copian")).toBe(true);
    expect(same("créé", "créées")).toBe(true);
  });

  it("pairs a Spanish verb of the first conjugation with the noun of action of its stem, not with its own other forms", () => {
    expect(same("aparcar", "aparcamiento")).toBe(true);
    expect(same("cancelar", "cancelación")).toBe(true);
    expect(same("reservado", "reservaciones")).toBe(true);
    // Forms of the verb alone stay apart (they cost technical text's search), as do English verbs and agent nouns.
    expect(same("cambia", "cambiar")).toBe(false);
    expect(same("handles", "handler")).toBe(false);
  });

  it("pairs Russian forms, giving the greedy common beginning back to the ending", () => {
    expect(same("файл", "файлами")).toBe(true);
    expect(same("система", "системы")).toBe(true);
    expect(same("изменяет", "изменяют")).toBe(true);
    // "данно" + "го" / "му" is no pair of endings; "данн" + "ого" / "ому" is.
    expect(same("данного", "данному")).toBe(true);
    expect(same("счетчик", "счетчиками")).toBe(true);
  });

  it("pairs Greek forms once accents and the final sigma are folded, and not words of another stem", () => {
    expect(same("αρχείο", "αρχεία")).toBe(true);
    expect(same("αρχείου", "αρχείων")).toBe(true);
    expect(same("ρύθμιση", "ρυθμίσεις")).toBe(true);
    expect(same("όνομα", "ονόματα")).toBe(true);
    expect(same("χρήστης", "χρήστες")).toBe(true);
    expect(same("αποθηκεύω", "αποθήκευση")).toBe(true);
    expect(same("εικόνα", "εικόνες")).toBe(true);
    expect(same("αρχείο", "αρχή")).toBe(false);
    expect(same("ρύθμιση", "ρυθμός")).toBe(false);
  });

  it("pairs Georgian case, postposition and plural forms, and not words of another stem", () => {
    expect(same("ფაილი", "ფაილის")).toBe(true);
    expect(same("ფაილი", "ფაილებში")).toBe(true);
    expect(same("ფაილებისა", "ფაილს")).toBe(true);
    expect(same("საქაღალდეების", "საქაღალდეს")).toBe(true);
    expect(same("ხელსაწყოა", "ხელსაწყო")).toBe(true);
    expect(same("მონაცემთა", "მონაცემები")).toBe(true);
    // A common beginning with a rest that is no ending ("-ური" makes an adjective; "-ირება" a verbal noun).
    expect(same("ფაილი", "ფაილური")).toBe(false);
    expect(same("პროგრამა", "პროგრამირება")).toBe(false);
  });

  it("does not pair English words through another language's endings, mixed lists, short stems, numbers or scripts", () => {
    expect(same("posix", "position")).toBe(false);
    expect(same("conversion", "conversation")).toBe(false);
    expect(same("line", "linear")).toBe(false);
    expect(same("internet", "internal")).toBe(false);
    expect(same("signal", "signo")).toBe(false);
    // Latin script gives no letter back: "pars" + "e" / "er" would pair a verb with its agent noun.
    expect(same("parse", "parser")).toBe(false);
    expect(same("handle", "handler")).toBe(false);
    expect(same("consists", "consistent")).toBe(false);
    expect(same("motors", "motorbike")).toBe(false);
    expect(same("файл", "file")).toBe(false);
    expect(same("ipv4", "ipv4s")).toBe(false);
    expect(same("ноль", "нолями")).toBe(false);
  });

  it("pairs Czech, Polish, Hungarian and Turkish forms when the question holds a letter of those languages", () => {
    // The question's letters ("ř", "ł", "ő", "ı") decide; the two words alone when no question is given.
    expect(sameWordForm("souboru", "soubory", "přesune soubory")).toBe(true);
    expect(sameWordForm("souboru", "soubory", "moves files")).toBe(false);
    expect(sameWordForm("czcionki", "czcionkami", "zmienia czcionkę konsoli")).toBe(true);
    expect(sameWordForm("karakterek", "karakterekben", "karakterek száma fő")).toBe(true);
    expect(sameWordForm("dosya", "dosyaları", "dosyaları sıkıştırır")).toBe(true);
    expect(sameWordForm("dosya", "dosyalar")).toBe(false);
    expect(sameWordForm("dosya", "dosyaları")).toBe(true);
    expect(same("karakter", "karakterlerini")).toBe(false);
    expect(sameWordForm("karakter", "karakterlerini", "sekmeleri boşluklara dönüştürür karakter")).toBe(true);
  });

  it("does not pair English, German or Spanish words through the marked languages' endings without their letters", () => {
    expect(same("define", "definida")).toBe(false);
    expect(same("starten", "startende")).toBe(false);
    expect(same("internal", "interval")).toBe(false);
    expect(same("class", "classic")).toBe(false);
    expect(same("process", "processor")).toBe(false);
    expect(same("formula", "formulate")).toBe(false);
    // Even in a Turkish question, endings that end English words are not in the list.
    expect(sameWordForm("process", "processor", "ışık")).toBe(false);
    expect(sameWordForm("print", "printk", "fő")).toBe(false);
    expect(sameWordForm("internal", "interval", "fő")).toBe(false);
  });

  it("finds every pair within the prefix word-forms.ts looks forms up by", () => {
    for (const [a, b] of [["Änderungen", "ändern"], ["системами", "система"], ["данного", "данному"], ["configurations", "configure"], ["dosya", "dosyalarından"], ["karakter", "karakterekből"]] as const) {
      const [left, right] = [normalizeSearchText(a.toLowerCase()), normalizeSearchText(b.toLowerCase())];
      expect(sameWordForm(left, right)).toBe(true);
      expect(right.startsWith(formPrefix(left))).toBe(true);
      expect(left.startsWith(formPrefix(right))).toBe(true);
    }
  });
});
