/** Small Spanish and Arabic hotel corpora with questions whose answer is one passage (by title). */
export interface LanguageCorpus {
  passages: Array<{ title: string; text: string }>;
  /** Question as a visitor types it (accents/tashkeel deliberately differ from the passage) → expected title. */
  queries: Array<{ query: string; title: string }>;
}

export const spanishCorpus: LanguageCorpus = {
  passages: [
    { title: "es-desayuno", text: "El desayuno se sirve en el comedor de 7:00 a 10:30 todos los días." },
    { title: "es-piscina", text: "La piscina climatizada está en la azotea y abre de junio a septiembre." },
    { title: "es-facturacion", text: "Para más información sobre facturación, escriba al departamento de contabilidad del hotel." },
    { title: "es-mascotas", text: "Se admiten mascotas pequeñas con un suplemento de quince euros por noche." },
    { title: "es-aparcamiento", text: "El aparcamiento subterráneo cuesta veinte euros al día; hay cargadores para coches eléctricos." },
    { title: "es-cancelacion", text: "La cancelación gratuita es posible hasta cuarenta y ocho horas antes de la llegada." },
    { title: "es-ninos", text: "Los niños menores de doce años se alojan gratis y ofrecemos cunas bajo petición." },
    { title: "es-wifi", text: "La contraseña del wifi está en la tarjeta de la habitación; la conexión es gratuita." },
    { title: "es-traslado", text: "Ofrecemos traslado al aeropuerto en autobús lanzadera cada media hora." },
    { title: "es-gimnasio", text: "El gimnasio está en la planta baja y abre las veinticuatro horas." },
    { title: "es-equipaje", text: "Puede dejar su equipaje en la consigna después de la salida sin coste." },
  ],
  queries: [
    { query: "informacion facturacion", title: "es-facturacion" },
    { query: "¿Cuánto cuesta el APARCAMIENTO?", title: "es-aparcamiento" },
    { query: "cancelacion gratuita", title: "es-cancelacion" },
    { query: "ninos cunas", title: "es-ninos" },
    { query: "autobus lanzadera aeropuerto", title: "es-traslado" },
    { query: "contrasena wifi", title: "es-wifi" },
  ],
};

export const arabicCorpus: LanguageCorpus = {
  passages: [
    { title: "ar-breakfast", text: "يُقدَّم الإفطار في المطعم من السابعة حتى العاشرة صباحًا." },
    { title: "ar-pool", text: "المسبح مفتوح من يونيو إلى سبتمبر." },
    { title: "ar-wifi", text: "كلمة مرور الواي فاي موجودة على بطاقة الغرفة." },
    { title: "ar-shuttle", text: "يوفر الفندق خدمة نقل مجانية إلى المطار كل ساعة." },
    { title: "ar-parking", text: "موقف السيارات تحت الأرض متاح مقابل عشرين يورو في اليوم." },
    { title: "ar-pets", text: "يسمح بالحيوانات الأليفة الصغيرة مقابل رسوم إضافية." },
    { title: "ar-cancel", text: "الإلغاء مجاني حتى ثمانٍ وأربعين ساعة قبل الوصول." },
    { title: "ar-gym", text: "الصالة الرياضية في الطابق الأرضي وتعمل طوال اليوم." },
    { title: "ar-luggage", text: "يمكن ترك الأمتعة في غرفة الحقائب بعد المغادرة." },
    { title: "ar-checkin", text: "تسجيل الوصول يبدأ في الثالثة ظهرًا والمغادرة عند الظهر." },
  ],
  queries: [
    // No hamza and no tashkeel in the question; the passage has both.
    { query: "الافطار", title: "ar-breakfast" },
    // Tashkeel in the question; none in the passage.
    { query: "المَسْبَح", title: "ar-pool" },
    { query: "كلمة مرور", title: "ar-wifi" },
    { query: "المطار", title: "ar-shuttle" },
    { query: "الالغاء", title: "ar-cancel" },
    { query: "الأمتعة", title: "ar-luggage" },
  ],
};
