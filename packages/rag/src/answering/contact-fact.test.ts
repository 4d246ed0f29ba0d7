import { describe, expect, it } from "vitest";
import { missingContactFact, statesContactFact } from "./contact-fact";

describe("contact facts looked up apart from the question's search", () => {
  it("asks for a phone number when no passage read states one", () => {
    const prices = ["pass: 5-class pass\nprice: £62\nvalid for: 2 months", "pass: Mat hire\nprice: £2"];
    expect(missingContactFact("what's your phone number?", prices)).toBe("phone");
    expect(missingContactFact("What number do I ring if I break down at night?", prices)).toBe("phone");
    expect(missingContactFact("what's your phone number?", [...prices, "Reception\nCall us on 01423 555 218."])).toBeNull();
    // Not a number question: nothing more to look up.
    expect(missingContactFact("How much is a class?", prices)).toBeNull();
    expect(missingContactFact("I left my phone charger in the room, what happens to it?", prices)).toBeNull();
  });

  it("asks for an address when no passage read states any place", () => {
    const prices = ["pass: 5-class pass\nprice: £62"];
    expect(missingContactFact("where are you located?", prices)).toBe("address");
    expect(missingContactFact("whats your address", prices)).toBe("address");
    // A passage read says where to park: the answer has its place.
    expect(missingContactFact("where can I park?", ["Parking\nThe Victoria car park is the closest."])).toBeNull();
    // Where a thing nothing read names is ("the nearest doctor") is not where the business is.
    const camping = ["Services\nÉpicerie et dépôt de pain, laverie."];
    expect(missingContactFact("où se trouve le médecin le plus proche", camping)).toBeNull();
    expect(missingContactFact("où se trouve la laverie ?", camping)).toBe("address");
  });

  it("asks for an e-mail address when no passage read states one", () => {
    const payment = ["¿Qué formas de pago aceptan?\nSe puede pagar con tarjeta, en efectivo o por domiciliación bancaria."];
    expect(missingContactFact("a qué email mando el justificante de pago?", payment)).toBe("email");
    expect(missingContactFact("vuestro email por favor", [...payment, "Contacto\nCorreo electrónico: hola@linguaviva.es."])).toBeNull();
    expect(statesContactFact("email", "Correo electrónico: hola@linguaviva.es.")).toBe(true);
    expect(statesContactFact("email", "Escríbenos por correo electrónico.")).toBe(false);
  });

  it("counts seven digits or more as a phone number, and a numbered street as an address", () => {
    expect(statesContactFact("phone", "Call us on 0117 496 0321 or email desk@example.com.")).toBe(true);
    expect(statesContactFact("phone", "+44 (0)1423 555218")).toBe(true);
    expect(statesContactFact("phone", "A full service is £219 and takes 3 hours; 12,000 miles.")).toBe(false);
    expect(statesContactFact("phone", "Open 08:00 - 18:00.")).toBe(false);
    expect(statesContactFact("address", "We are at 18 Mill Lane, Harrogate.")).toBe(true);
    expect(statesContactFact("address", "The studio is a six-minute walk from the station.")).toBe(false);
  });
});
