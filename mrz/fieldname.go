package mrz

// FieldName names a field of an MRZ, or the place of one of its check
// digits, as the JSON output writes it: CheckError.Field, FieldError.Field
// and Document.Position use it. It is a string type, so that comparing it
// with a string constant and writing it as JSON work as with a plain string.
type FieldName string

// The names of the fields. Not every format has every field.
const (
	FieldFormat             FieldName = "format" // Encode: the format itself
	FieldDocumentCode       FieldName = "document_code"
	FieldIssuingState       FieldName = "issuing_state"
	FieldDocumentNumber     FieldName = "document_number"
	FieldNationality        FieldName = "nationality"
	FieldBirthDate          FieldName = "birth_date"
	FieldSex                FieldName = "sex"
	FieldExpiryDate         FieldName = "expiry_date"
	FieldOptionalData       FieldName = "optional_data" // TD3: the personal number
	FieldOptionalData2      FieldName = "optional_data_2"
	FieldHolderName         FieldName = "name"        // the name field PRIMARY<<SECONDARY, or a national surname field
	FieldSurname            FieldName = "surname"     // Encode: the surname given
	FieldGivenNames         FieldName = "given_names" // national layouts' given names field; Encode: the given names
	FieldIssueDate          FieldName = "issue_date"
	FieldAdministrativeCode FieldName = "administrative_code" // FR-CNI
	FieldOfficeCode         FieldName = "office_code"         // FR-CNI
	FieldLanguage           FieldName = "language"            // CH-DL
	FieldPIN                FieldName = "pin"                 // CH-DL
	FieldVersion            FieldName = "version"             // CH-DL
	FieldBSN                FieldName = "bsn"                 // NLD TD1: citizen service number
	FieldComposite          FieldName = "composite"           // the composite check digit
	FieldFiller             FieldName = "filler"              // a position that holds a fixed filler
	FieldLines              FieldName = "lines"               // Document.UnmarshalJSON: the MRZ lines
)

// String returns the name as a plain string.
func (n FieldName) String() string { return string(n) }

// fieldID names the fields a layout may hold.
type fieldID uint8

const (
	fCode fieldID = iota
	fIssuing
	fNumber
	fNationality
	fBirth
	fSex
	fExpiry
	fOptional
	fOptional2
	fName      // ICAO name field: PRIMARY<<SECONDARY
	fSurname   // national layouts: surname alone
	fGiven     // national layouts: given names alone, separated by "<<"
	fIssueDate // YYMM or YYMMDD
	fAdmin     // FR-CNI administrative code
	fOffice    // FR-CNI issuing office
	fLanguage  // CH-DL language
	fPIN       // CH-DL personal identification number
	fVersion   // CH-DL version
	fBSN       // NLD TD1: citizen service number
	nFields
)

// fieldJSONNames are the names of the fields, as errors and JSON name them.
var fieldJSONNames = [nFields]FieldName{
	fCode: FieldDocumentCode, fIssuing: FieldIssuingState, fNumber: FieldDocumentNumber,
	fNationality: FieldNationality, fBirth: FieldBirthDate, fSex: FieldSex, fExpiry: FieldExpiryDate,
	fOptional: FieldOptionalData, fOptional2: FieldOptionalData2, fName: FieldHolderName,
	fSurname: FieldSurname, fGiven: FieldGivenNames, fIssueDate: FieldIssueDate,
	fAdmin: FieldAdministrativeCode, fOffice: FieldOfficeCode, fLanguage: FieldLanguage,
	fPIN: FieldPIN, fVersion: FieldVersion, fBSN: FieldBSN,
}

// name returns the FieldName of id.
func (id fieldID) name() FieldName { return fieldJSONNames[id] }
