// Parses each image given on the command line with the Mindee Node SDK's
// passport v1 product and prints, as one JSON array, what the SDK made of
// each answer. The SDK reaches mrz serve through MINDEE_API_HOST (it always
// speaks HTTPS) and trusts its certificate through NODE_EXTRA_CA_CERTS; the
// key is MINDEE_API_KEY. Run by cmd/mrz/serve_sdk_test.go.
import * as mindee from "mindee";

const client = new mindee.v1.Client({ apiKey: process.env.MINDEE_API_KEY });
const value = (f) => (f && f.value !== undefined ? f.value : null);
const polygon = (f) => (f && f.polygon ? Array.from(f.polygon, (p) => [p[0], p[1]]) : []);
const out = [];
for (const path of process.argv.slice(2)) {
  try {
    const input = new mindee.PathInput({ inputPath: path });
    const resp = await client.parse(mindee.v1.product.PassportV1, input);
    const doc = resp.document;
    const p = doc.inference.prediction;
    const page = doc.inference.pages[0];
    out.push({
      path,
      ok: true,
      id: doc.id,
      filename: doc.filename,
      product: doc.inference.product.name,
      fields: {
        country: value(p.country), idNumber: value(p.idNumber), surname: value(p.surname),
        givenNames: p.givenNames.map(value), birthDate: value(p.birthDate), gender: value(p.gender),
        expiryDate: value(p.expiryDate), issuanceDate: value(p.issuanceDate), birthPlace: value(p.birthPlace),
        mrz1: value(p.mrz1), mrz2: value(p.mrz2),
      },
      confidences: { idNumber: p.idNumber.confidence, birthDate: p.birthDate.confidence, mrz1: p.mrz1.confidence },
      polygons: { mrz1: polygon(p.mrz1), mrz2: polygon(p.mrz2), idNumber: polygon(p.idNumber) },
      orientation: page && page.orientation ? page.orientation.value : null,
      pageSummary: page ? page.toString() : "",
    });
  } catch (e) {
    out.push({ path, ok: false, error: String(e && e.message ? e.message : e), kind: e && e.constructor ? e.constructor.name : "" });
  }
}
console.log(JSON.stringify(out));
