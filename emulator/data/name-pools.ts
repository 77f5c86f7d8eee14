/** Fictional people and businesses for customer contacts. */
export const namePools = {
  firstNames: [
    "Dana", "Jordan", "Maya", "Luis", "Aisha", "Ben", "Chloe", "Diego", "Elena", "Farid",
    "Gwen", "Hiro", "Imani", "Jonas", "Kara", "Liam", "Mei", "Noah", "Olivia", "Pavel",
    "Quinn", "Rosa", "Sanjay", "Tara", "Umar", "Vera", "Wes", "Ximena", "Yusuf", "Zoe",
    "Harriet", "Marco", "Nadia", "Owen", "Renée", "Sofia", "Theo", "Ingrid", "Kofi", "Lena",
  ],
  lastNames: [
    "Whitfield", "Alvarez", "Brennan", "Castillo", "Dubois", "Eriksen", "Fontaine", "Garber", "Hughes", "Ibarra",
    "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Patel", "Quintero", "Rasmussen", "Sato",
    "Thornton", "Ueda", "Valdez", "Walsh", "Yilmaz", "Zimmerman", "Abernathy", "Beaumont", "Caldwell", "Delgado",
    "Ellison", "Fitzgerald", "Greco", "Holloway", "Iverson", "Kaplan", "Marsh", "Novak", "O'Connell", "Prescott",
  ],
  companies: [
    "Brightwater Dental", "Harbor & Pine Realty", "Copperleaf Café", "Summit Ridge Property Management",
    "Bluebird Daycare", "Ironwood Fitness", "Maple Street Veterinary", "Lakeside Storage",
    "Redfern Architects", "Golden Hour Bakery 🥐", "Trailhead Outfitters", "Cedar Grove HOA",
    "Northgate Pharmacy", "Saltbox Studios", "Riverbend Auto Repair", "Orchard Lane Apartments",
    "Pinecrest Montessori", "Keystone Plumbing", "Willow & Vine Florals", "Foxglove Books",
  ],
  dealNames: [
    "Monitoring upgrade", "Multi-site rollout", "Camera expansion", "Annual plan renewal",
    "Smart thermostat bundle", "Access control pilot",
  ],
  zipCodes: ["94107", "60614", "78704", "98103", "30306", "02139", "80205", "97214", "55408", "19147"],
  /**
   * Customers whose names are not plain ASCII: accents, CJK, Hangul, right-to-left scripts. `name` is
   * how the CRM shows it; the Latin form is what lands in email addresses and is spelled on the phone.
   */
  international: [
    { first: "美咲", last: "佐藤", name: "佐藤 美咲", latinFirst: "Misaki", latinLast: "Sato" },
    { first: "伟", last: "张", name: "张伟", latinFirst: "Wei", latinLast: "Zhang" },
    { first: "지훈", last: "김", name: "김지훈", latinFirst: "Jihoon", latinLast: "Kim" },
    { first: "ليلى", last: "حداد", name: "ليلى حداد", latinFirst: "Layla", latinLast: "Haddad" },
    { first: "נועה", last: "לוי", name: "נועה לוי", latinFirst: "Noa", latinLast: "Levi" },
    { first: "Søren", last: "Kjærgård", name: "Søren Kjærgård", latinFirst: "Soren", latinLast: "Kjaergard" },
    { first: "Chloé", last: "Lefèvre", name: "Chloé Lefèvre", latinFirst: "Chloe", latinLast: "Lefevre" },
    { first: "Đức", last: "Nguyễn", name: "Nguyễn Đức", latinFirst: "Duc", latinLast: "Nguyen" },
    { first: "Björn", last: "Ångström", name: "Björn Ångström", latinFirst: "Bjorn", latinLast: "Angstrom" },
    { first: "Zoë", last: "Ó Briain", name: "Zoë Ó Briain", latinFirst: "Zoe", latinLast: "OBriain" },
    { first: "Ayşe", last: "Yıldız", name: "Ayşe Yıldız 🌻", latinFirst: "Ayse", latinLast: "Yildiz" },
  ],
} as const;
