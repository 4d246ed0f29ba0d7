export { buildPdf, buildImageOnlyPdf, buildDocx, encodeUtf8, type PdfFixture, type DocxFixture } from "./document-fixtures";
export { startFakeOpenAIServer, type FakeChatRequest, type FakeOpenAIOptions, type FakeOpenAIServer, type FakeToolCallsReply } from "../llm/fake-openai-server";
export { htmlPage, startTestSite, type TestSite, type TestSiteResource } from "./test-site";
export { buildDeeplyNestedHtml, buildDocxBomb, buildGzipSitemapBomb, type DocxBombOptions } from "./hostile-files";
