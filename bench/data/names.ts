/**
 * Names for generated patients: Spanish (with their accents, compound and
 * hyphenated surnames, so accent-insensitive search is exercised at scale),
 * English and a few others, roughly in the mix of a US or European pain
 * clinic. Common surnames come first and are drawn more often (Zipf-like), as
 * in a real practice where a search for "garc" matches thousands of people.
 */
export const FAMILY_NAMES = [
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Flores', 'Gómez', 'Díaz', 'Reyes', 'Cruz', 'Morales', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos',
  'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Núñez', 'Peña', 'Ibáñez', 'Muñoz', 'Castañeda', 'Jiménez', 'Álvarez', 'Domínguez', 'Vázquez', 'Suárez',
  'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams',
  'Fernández', 'Romero', 'Navarro', 'Medina', 'Castillo', 'Vargas', 'Herrera', 'Mendoza', 'Aguilar', 'Delgado',
  "O'Brien", "O'Connor", 'Murphy', 'Kelly', 'Sullivan', 'Walsh', 'McCarthy', 'Byrne', 'Ryan', 'Doyle',
  'Nguyen', 'Tran', 'Le', 'Pham', 'Kim', 'Park', 'Chen', 'Wang', 'Li', 'Zhang',
  'Müller', 'Schmidt', 'Schröder', 'Weiß', 'Köhler', 'Sørensen', 'Åberg', 'Lindqvist', 'Dubois', 'Lefèvre',
  'Abernathy-Kuti', 'Núñez-García', 'Ibáñez-Olmos', 'de la Cruz', 'del Río', 'Santa María', 'Peñalver', 'Zúñiga', 'Echeverría', 'Calderón',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Costa', 'Silva', 'Santos', 'Oliveira', 'Pereira',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Dąbrowski', 'Horváth', 'Novák', 'Dvořák', 'Popescu', 'Ivanov', 'Petrov',
  'Okafor', 'Adeyemi', 'Mensah', 'Haddad', 'Khalil', 'Nasser', 'Cohen', 'Levi', 'Patel', 'Shah',
];

export const GIVEN_NAMES = [
  'María', 'José', 'Juan', 'Ana', 'Luis', 'Carmen', 'Carlos', 'Lucía', 'Jorge', 'Rosa',
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'María José', 'José Luis', 'Juan Carlos', 'Ana Belén', 'Iñaki', 'Begoña', 'Íñigo', 'Ángela', 'Sofía', 'Andrés',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Raúl', 'Inés', 'Martín', 'Verónica', 'Rubén', 'Mónica', 'Óscar', 'Elena', 'Tomás', 'Nuria',
  'Seán', 'Siobhán', 'Niamh', 'Ciarán', 'Zoë', 'Chloé', 'Renée', 'François', 'Jürgen', 'Björn',
  'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Margaret', 'Donald', 'Sandra',
  'Minh', 'Thi', 'Wei', 'Mei', 'Ji-woo', 'Hiroshi', 'Aiko', 'Priya', 'Arjun', 'Fatima',
  'Amara', 'Chidi', 'Kwame', 'Yusuf', 'Leila', 'Omar', 'Noa', 'Yael', 'Piotr', 'Zuzana',
];

export const INDICATIONS = [
  'Left L5 radicular pain, 8 weeks, MRI L4-L5 foraminal stenosis.',
  'Axial low back pain, facet-mediated on exam, 6 months.',
  'Right C6 radiculopathy after a fall, failed physiotherapy.',
  'Chronic neck pain with occipital headaches.',
  'Knee osteoarthritis pain, not a surgical candidate.',
  'Sacroiliac joint pain, positive provocation tests.',
  'Complex regional pain syndrome, right upper limb.',
  'Failed back surgery syndrome, considering neuromodulation.',
];
